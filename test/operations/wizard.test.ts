import {describe, expect, test} from 'vitest';
import {
  assembleProfile,
  blockingCount,
  checkArnAnswer,
  checkClusterName,
  checkDiscoveryPort,
  checkImage,
  checkInteger,
  checkRegistryHost,
  checkServiceName,
  checkTag,
  composeServiceSpec,
  discoveryContainerPortValue,
  discoveryRule,
  lintContainerJson,
  missingAnswers,
  missingVariables,
  parseIds,
  parseNameValue,
  parsePortMapping,
  readDiscovery,
  readStrategy,
  specContainers,
  startingContainerJson,
  suggestProfileName,
  taskNetworkMode,
  type WizardAnswers,
} from '../../source/operations/wizard.js';
import {environmentFromOutputs} from '../../source/operations/wizard-infra.js';
import {terraformOutputs} from '../../source/adapters/terraform-state.js';
import {defaultFargateContainerSpec} from '../../source/domain/defaults.js';
import {InputError} from '../../source/errors.js';

const NOW = '2026-01-02T03:04:05.000Z';
import {CLOUD_MAP, FARGATE_JSON, ROLE, SECRET, ec2DaemonAnswers, fargateAnswers} from './wizard-fixtures.js';

describe('one answer at a time', () => {
  test.each([
    ['web-api', true],
    ['web api', false],
    ['', false],
  ])('service name %j → ok %s', (text, valid) => {
    expect(checkServiceName(text).ok).toBe(valid);
  });

  test('Docker Hub: nginx is an official image under library/, with a tag written along', () => {
    expect(checkImage('dockerhub', 'nginx:1.27')).toEqual({ok: true, value: {image: 'library/nginx', tag: '1.27'}, note: 'official Docker Hub images live under library/: library/nginx'});
    expect(checkImage('dockerhub', 'team/api')).toEqual({ok: true, value: {image: 'team/api'}});
    expect(checkImage('dockerhub', 'Team/Api')).toEqual({ok: false, message: '"Team/Api" has capital letters: image names are lower case'});
  });

  test('an image naming another registry says what to choose instead', () => {
    const checked = checkImage('dockerhub', '123456789012.dkr.ecr.us-east-1.amazonaws.com/api');
    expect(checked).toEqual({ok: false, message: expect.stringContaining('choose Amazon ECR')});
    expect(checkImage('registry', 'localhost:5000/team/api', 'localhost:5000')).toEqual({ok: true, value: {image: 'team/api'}});
  });

  test('registry addresses: URLs are reduced to host:port, paths refused', () => {
    expect(checkRegistryHost('https://registry.example.com:5000/v2/')).toEqual({ok: true, value: 'registry.example.com:5000'});
    expect(checkRegistryHost('registry.example.com/team')).toMatchObject({ok: false});
  });

  test('tags, numbers, clusters, ids', () => {
    expect(checkTag('-bad')).toMatchObject({ok: false});
    expect(checkTag('1.4.2')).toEqual({ok: true, value: '1.4.2'});
    expect(checkInteger('', 'the CPU units', {min: 0, optional: true})).toEqual({ok: true, value: undefined});
    expect(checkInteger('12x', 'the CPU units', {min: 0})).toEqual({ok: false, message: 'The CPU units must be a whole number, found "12x"'});
    expect(checkClusterName('arn:aws:ecs:us-east-1:123456789012:cluster/prod')).toEqual({ok: true, value: 'prod'});
    expect(parseIds('subnet-0a1b2c3d, subnet-4e5f6a7b subnet-0a1b2c3d', 'subnet')).toEqual({ok: true, value: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b']});
    expect(parseIds('sg-zz', 'sg')).toEqual({ok: false, message: '"sg-zz" is not a security group id (sg-0123abcd…)'});
  });

  test('ARNs are explained with an example', () => {
    expect(checkArnAnswer('cloudMapService', 'srv-123', 'the Cloud Map service ARN')).toEqual({
      ok: false,
      message: '"srv-123" is not a Cloud Map service ARN: write it like arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz2x4igkxckqno',
    });
  });

  test('port mappings: container port, protocol, host port (not under awsvpc unless equal)', () => {
    expect(parsePortMapping('53/udp')).toEqual({ok: true, value: {containerPort: 53, protocol: 'udp'}});
    expect(parsePortMapping('8080:80', 'bridge')).toEqual({ok: true, value: {containerPort: 80, hostPort: 8080, protocol: 'tcp'}});
    expect(parsePortMapping('8080:80', 'awsvpc')).toEqual({ok: false, message: 'Under awsvpc the host port must equal the container port (or be left out): write 80'});
    expect(parsePortMapping('http')).toMatchObject({ok: false});
  });

  test('NAME=VALUE pairs', () => {
    expect(parseNameValue('URL=a=b')).toEqual({ok: true, value: {name: 'URL', value: 'a=b'}});
    expect(parseNameValue('9x=1', {variable: true})).toMatchObject({ok: false});
  });
});

describe('service discovery: the seed\'s rules', () => {
  test.each([
    ['awsvpc', ['SRV', 'A'], 'either'],
    ['awsvpc', ['A'], 'none'],
    ['bridge', ['SRV'], 'container'],
    ['host', ['A'], 'needs-srv'],
    ['bridge', undefined, 'unknown'],
  ] as const)('%s with %j records → %s', (mode, records, rule) => {
    expect(discoveryRule(mode, records)).toBe(rule);
  });

  test('containerPort must be a mapped port of that container, variables resolved', () => {
    const containers = specContainers(fargateAnswers());
    expect(containers).toEqual([{name: '${CONTAINER_NAME}', ports: [8080]}]);
    expect(checkDiscoveryPort(containers, '${CONTAINER_NAME}', 8080)).toEqual({ok: true, value: 8080});
    expect(checkDiscoveryPort(containers, '${CONTAINER_NAME}', 8081)).toEqual({ok: false, message: 'Port 8081 is not a port mapping of container "${CONTAINER_NAME}" (its ports: 8080)'});
    const templated = [{name: 'web', ports: ['${serviceVariable.containerPort}']}];
    expect(checkDiscoveryPort(templated, 'web', 9000, {containerPort: '9000'})).toEqual({ok: true, value: 9000});
    expect(checkDiscoveryPort([{name: 'web', ports: []}], 'web', 80)).toMatchObject({ok: false, message: expect.stringContaining('maps no ports')});
  });

  test('the registry uses ${serviceVariable.containerPort} when that variable holds the port (the seed)', () => {
    const answers = fargateAnswers();
    expect(discoveryContainerPortValue(answers)).toBe('${serviceVariable.containerPort}');
    expect(discoveryContainerPortValue({...answers, variables: {}})).toBe(8080);
    const spec = composeServiceSpec(answers).text;
    expect(spec).toContain('"containerPort": ${serviceVariable.containerPort}');
    expect(readDiscovery(spec)).toEqual({registryArn: CLOUD_MAP, use: 'container', containerName: '${CONTAINER_NAME}', containerPort: '${serviceVariable.containerPort}'});
  });
});

describe('the service specification', () => {
  test('the default REPLICA spec with the desired count', () => {
    expect(composeServiceSpec({strategy: 'REPLICA', desiredCount: 3}).text).toBe(
      '{\n  "placementConstraints": [],\n  "placementStrategy": [],\n  "healthCheckGracePeriodSeconds": null,\n  "schedulingStrategy": "REPLICA",\n  "desiredCount": 3\n}',
    );
  });

  test('DAEMON takes no desired count and no placement strategy; an edited spec is switched, keeping its fields', () => {
    const edited = '{"schedulingStrategy": "REPLICA", "desiredCount": 4, "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}], "enableECSManagedTags": true}';
    const composed = composeServiceSpec({strategy: 'DAEMON', serviceSpecJson: edited});
    expect(composed.removed).toEqual(['desiredCount', 'placementStrategy']);
    expect(JSON.parse(composed.text)).toEqual({schedulingStrategy: 'DAEMON', placementStrategy: [], enableECSManagedTags: true});
    expect(readStrategy(composed.text)).toEqual({strategy: 'DAEMON'});
  });

  test('"no service discovery" removes the registries of an imported spec', () => {
    const spec = `{"schedulingStrategy": "REPLICA", "serviceRegistries": [{"registryArn": "${CLOUD_MAP}", "port": 80}]}`;
    expect(JSON.parse(composeServiceSpec({serviceSpecJson: spec, discovery: null}).text)).toEqual({schedulingStrategy: 'REPLICA'});
    expect(JSON.parse(composeServiceSpec({serviceSpecJson: spec}).text).serviceRegistries).toEqual([{registryArn: CLOUD_MAP, port: 80}]);
  });
});

describe('Advanced JSON', () => {
  test('a syntax error is located', () => {
    const issues = lintContainerJson('{\n  "containerDefinitions": [],\n}', 'EC2');
    expect(issues).toEqual([expect.objectContaining({code: 'json-syntax', severity: 'error', line: 3, column: 1})]);
  });

  test('Fargate rules: the execution role placeholder, awsvpc and a valid task size (nearest one named)', () => {
    const text = FARGATE_JSON.replace('"memory": "512"', '"memory": "4096"').replace(',\n  "executionRoleArn": "${EXECUTION_ROLE}"', '');
    const issues = lintContainerJson(text, 'FARGATE');
    expect(issues.map((issue) => issue.code)).toEqual(['fargate-execution-role', 'fargate-cpu-memory']);
    expect(issues[1]).toMatchObject({line: 11, message: 'cpu 256 with memory 4096 is not a Fargate task size; the nearest valid one is cpu 512 / memory 4096 (0.5 vCPU, 4 GB)'});
    expect(lintContainerJson(defaultFargateContainerSpec(), 'FARGATE')).toEqual([]);
  });

  test('the image placeholder is required', () => {
    expect(lintContainerJson('{"containerDefinitions": [{"name": "web", "image": "nginx"}]}', 'EC2').map((issue) => issue.code)).toContain('image-placeholder-missing');
  });

  test('a private registry on EC2 needs ${EXECUTION_ROLE}: the starting JSON has it', () => {
    const answers: WizardAnswers = {launchType: 'EC2', registry: 'registry', networkMode: 'awsvpc', containerForm: {memoryReservation: 256, ports: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}], environment: []}};
    const start = JSON.parse(startingContainerJson(answers));
    expect(start.executionRoleArn).toBe('${EXECUTION_ROLE}');
    expect(start.networkMode).toBe('awsvpc');
    // Under awsvpc the dynamic host port 0 goes.
    expect(start.containerDefinitions[0].portMappings).toEqual([{containerPort: 80, protocol: 'tcp'}]);
    expect(lintContainerJson('{"containerDefinitions": [{"name": "a", "image": "${DOCKER_IMAGE_NAME}"}]}', 'EC2', {needsExecutionRole: true}).map((issue) => issue.code)).toEqual(['execution-role-required']);
  });

  test('the network mode of Advanced JSON is read from it', () => {
    expect(taskNetworkMode({launchType: 'EC2', containerMode: 'json', containerJson: '{"networkMode": "host"}'})).toBe('host');
    expect(taskNetworkMode({launchType: 'EC2', containerMode: 'json', containerJson: '{}'})).toBe('bridge');
    expect(taskNetworkMode({launchType: 'FARGATE'})).toBe('awsvpc');
  });

  test('config variables the specifications use without a value', () => {
    const answers = {...fargateAnswers(), containerJson: FARGATE_JSON.replace('8080', '${serviceVariable.port}'), variables: {}};
    expect(missingVariables(answers)).toEqual(['port']);
    expect(missingVariables({...answers, discovery: {...answers.discovery!, containerPort: '${serviceVariable.containerPort}'}})).toEqual(['containerPort', 'port']);
  });
});

describe('the profile', () => {
  test('a Fargate profile: awsvpc, discovery, private registry — renders without errors', () => {
    const assembled = assembleProfile(fargateAnswers(), {now: NOW});
    expect(assembled.problems).toEqual([]);
    expect(blockingCount(assembled)).toBe(0);
    const profile = assembled.profile!;
    expect(profile).toMatchObject({
      name: 'web-api',
      application: 'ECS Demo',
      createdAt: NOW,
      service: {
        name: 'web-api',
        artifact: {registry: 'registry', host: 'registry.example.com:5000', image: 'team/web-api', tag: '1.4.2', username: 'deploy'},
        launchType: 'FARGATE',
        containerSpec: {mode: 'json', json: FARGATE_JSON},
        variables: {containerPort: '8080'},
        registryAuth: {credentialsSecretArn: SECRET},
      },
      environments: [{name: 'production', network: {subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: false}, executionRoleArn: ROLE}],
    });
    expect(assembled.issues.production!.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  test('an EC2 DAEMON profile from the simplified form', () => {
    const assembled = assembleProfile(ec2DaemonAnswers(), {now: NOW, name: 'log-agent-dev'});
    expect(blockingCount(assembled)).toBe(0);
    expect(assembled.profile?.service.containerSpec).toEqual({
      mode: 'form',
      form: {name: '${CONTAINER_NAME}', memoryReservation: 128, portMappings: [{containerPort: 80, protocol: 'tcp'}], environment: [{name: 'LOG_LEVEL', value: 'info'}], essential: true, networkMode: 'bridge'},
    });
    expect(JSON.parse(assembled.profile!.service.serviceSpec)).toEqual({placementConstraints: [], placementStrategy: [], healthCheckGracePeriodSeconds: null, schedulingStrategy: 'DAEMON'});
    expect(assembled.profile?.environments[0]).toEqual({name: 'dev', region: 'eu-west-1', cluster: 'dev-ec2', launchType: 'EC2', overrides: {}});
  });

  test('missing answers are listed by field (init maps them to flags)', () => {
    expect(missingAnswers({launchType: 'FARGATE', registry: 'registry', environments: [{name: 'x'}]}).map((problem) => problem.field)).toEqual([
      'application',
      'serviceName',
      'registryHost',
      'image',
      'tag',
      'registryAuth',
      'environment.region',
      'environment.cluster',
      'environment.subnets',
      'environment.securityGroups',
      'environment.executionRole',
    ]);
  });

  test('rendering issues of an environment are reported with their path (an override breaking discovery)', () => {
    const answers = fargateAnswers();
    answers.environments!.push({name: 'staging', region: 'us-east-1', cluster: 'staging', subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], overrides: {containerPort: '9090'}});
    const assembled = assembleProfile(answers, {now: NOW});
    expect(assembled.issues.staging).toContainEqual(expect.objectContaining({severity: 'error', path: 'serviceRegistries[0].containerPort', code: 'discovery-container-port'}));
    expect(blockingCount(assembled)).toBe(1);
  });

  test('the suggested profile name avoids taken ones', () => {
    expect(suggestProfileName({serviceName: 'web-api'}, ['web-api', 'web-api-2'])).toBe('web-api-3');
    expect(suggestProfileName({application: 'ECS Demo'})).toBe('ECS-Demo');
  });
});

describe('infrastructure provisioners', () => {
  test('CloudFormation-style outputs fill cluster, private subnets, security groups, role and region', () => {
    const filled = environmentFromOutputs({
      ClusterName: 'prod',
      PublicSubnets: 'subnet-0000000a,subnet-0000000b',
      PrivateSubnets: 'subnet-0a1b2c3d,subnet-4e5f6a7b',
      ServiceSecurityGroup: 'sg-0a1b2c3d',
      TaskExecutionRoleArn: ROLE,
      VpcId: 'vpc-0a1b2c3d',
    });
    expect(filled.values).toEqual({cluster: 'prod', subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0a1b2c3d'], executionRoleArn: ROLE});
    expect(filled.used).toEqual(['cluster ← ClusterName', 'subnets ← PrivateSubnets', 'security groups ← ServiceSecurityGroup', 'execution role ← TaskExecutionRoleArn']);
  });

  test('Terraform state outputs: outputs.<name>.value, lists kept', () => {
    const state = JSON.stringify({
      version: 4,
      terraform_version: '1.9.0',
      outputs: {
        ecs_cluster_arn: {value: 'arn:aws:ecs:eu-west-1:123456789012:cluster/staging', type: 'string'},
        private_subnet_ids: {value: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], type: ['list', 'string']},
        task_sg: {value: 'sg-0a1b2c3d', type: 'string'},
        tags: {value: {team: 'web'}, type: ['map', 'string']},
        aws_region: {value: 'eu-west-1', type: 'string'},
      },
      resources: [],
    });
    const outputs = terraformOutputs(state, 'terraform.tfstate');
    expect(outputs).toEqual({ecs_cluster_arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/staging', private_subnet_ids: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], task_sg: 'sg-0a1b2c3d', aws_region: 'eu-west-1'});
    expect(environmentFromOutputs(outputs).values).toEqual({cluster: 'staging', subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0a1b2c3d'], region: 'eu-west-1'});
    expect(() => terraformOutputs('{"resources": []}', 'x.json')).toThrow(InputError);
  });
});
