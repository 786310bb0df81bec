/**
 * The traffic wiring of a Copilot workspace (test/fixtures/copilot/traffic: a Load Balanced Web Service behind the
 * environment's ALB with Service Connect under an alias, one behind its own NLB only, a Backend Service on Service
 * Connect whose prod count overrides only the range; prod and test in two regions): offline, what can be known is
 * written and the target group is a config variable to set (never a made-up ARN), each field that stays in
 * Copilot's stacks named by file and line; with what AWS says, the live target group, requests per target, and the
 * manifest's health check and path compared with ELB's. Each profile renders and passes the validators.
 */
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {beforeAll, describe, expect, test} from 'vitest';
import {readCopilotFolder} from '../../../../source/adapters/copilot-workspace.js';
import type {CopilotAwsState, CopilotMigration} from '../../../../source/domain/import/copilot/build.js';
import {planMigration, readWorkspace, type CopilotFiles} from '../../../../source/domain/import/copilot/workspace.js';
import {formatPosition} from '../../../../source/domain/import/copilot/yaml.js';
import type {Profile} from '../../../../source/domain/model.js';
import {renderAndValidate} from '../../../../source/domain/render-and-validate.js';

const TRAFFIC = join(import.meta.dirname, '../../../fixtures/copilot/traffic/copilot');
const NOW = '2026-12-06T00:00:00.000Z';
const ACCOUNT = '123456789012';
const REGIONS = {prod: 'eu-west-1', test: 'us-east-1'} as const;
const group = (environment: keyof typeof REGIONS, name: string): string =>
  `arn:aws:elasticloadbalancing:${REGIONS[environment]}:${ACCOUNT}:targetgroup/${name}-${environment}/0123456789abcdef`;

let files: CopilotFiles;
beforeAll(async () => {
  files = await readCopilotFolder(TRAFFIC, Readable.from([]));
});

function plan(aws?: CopilotAwsState): CopilotMigration {
  const read = readWorkspace(files);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return planMigration(read, {region: 'us-east-1', now: NOW, environmentRegions: {prod: 'eu-west-1'}, ...(aws === undefined ? {} : {aws})});
}

const profileOf = (migration: CopilotMigration, service: string): Profile => migration.services.find((item) => item.name === service)!.profile!;
const notesOf = (migration: CopilotMigration, service: string, status?: string): string[] =>
  migration.services
    .find((item) => item.name === service)!
    .notes.filter((note) => status === undefined || note.status === status)
    .map((note) => `${formatPosition(note.at)} ${note.field}${note.environment === undefined ? '' : ` [${note.environment}]`}: ${note.message}`);

/** What AWS would say: every environment's stack and each service running there, behind its target groups. */
function awsState(options: {healthCheckPath: string; hosts: string[]}): CopilotAwsState {
  const state: CopilotAwsState = {environments: {}, services: {}};
  for (const environment of ['prod', 'test'] as const) {
    const region = REGIONS[environment];
    state.environments[environment] = {
      stack: `shop-${environment}`,
      region,
      cluster: `shop-${environment}-Cluster`,
      publicSubnets: ['subnet-00000000000000001'],
      privateSubnets: ['subnet-00000000000000002'],
      securityGroups: ['sg-00000000000000003'],
      accountId: ACCOUNT,
    };
    const live = (service: string, loadBalancers: Array<{arn: string; port: number}>) => ({
      serviceName: `shop-${environment}-${service}-Service-1`,
      cluster: `shop-${environment}-Cluster`,
      region,
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-${environment}-${service}-ExecutionRole`,
      network: {subnets: ['subnet-00000000000000001'], securityGroups: ['sg-00000000000000003'], assignPublicIp: true},
      environment: {},
      secrets: {},
      accountId: ACCOUNT,
      loadBalancers: loadBalancers.map((item) => ({targetGroupArn: item.arn, containerName: service, containerPort: item.port})),
      targetGroups: Object.fromEntries(
        loadBalancers.map((item) => [
          item.arn,
          {healthCheckPath: options.healthCheckPath, successCodes: '200,301', rulePaths: ['/api, /api/*'], ruleHosts: options.hosts},
        ]),
      ),
    });
    (state.services['web'] ??= {})[environment] = live('web', [{arn: group(environment, 'web'), port: 8080}]);
    (state.services['tcp'] ??= {})[environment] = live('tcp', [{arn: group(environment, 'tcp'), port: 9000}]);
  }
  return state;
}

describe('offline', () => {
  test('http: the container and port, the grace period, the target group a config variable to set; the fields that stay in Copilot’s stack named', () => {
    const migration = plan();
    const web = profileOf(migration, 'web');
    expect(JSON.parse(web.service.serviceSpec)).toMatchObject({
      healthCheckGracePeriodSeconds: 90,
      loadBalancers: [{targetGroupArn: '${serviceVariable.targetGroupArn}', containerName: '${CONTAINER_NAME}', containerPort: 8080}],
    });
    expect(web.service.variables['targetGroupArn']).toBeUndefined();
    expect(notesOf(migration, 'web', 'unmapped')).toEqual([
      "copilot/web/manifest.yml:11:3 http.path: the listener rule stays in Copilot's service stack (ECS does not hold it); with AWS access its path-pattern is compared with the manifest",
      "copilot/web/manifest.yml:12:3 http.alias: host-header rules and DNS records stay in Copilot's stacks; with AWS access the rule's host-header is compared with the manifest",
      "copilot/web/manifest.yml:15:5 http.healthcheck.path: the target group's health check stays in Copilot's service stack (it is ELB's, not ECS's); with AWS access its path and success codes are compared with the manifest",
      "copilot/web/manifest.yml:16:5 http.healthcheck.success_codes: the target group's health check stays in Copilot's service stack (it is ELB's, not ECS's); with AWS access its path and success codes are compared with the manifest",
      "copilot/web/manifest.yml:17:5 http.healthcheck.healthy_threshold: the target group's health check stays in Copilot's service stack (it is ELB's, not ECS's); with AWS access its path and success codes are compared with the manifest",
      "copilot/web/manifest.yml:18:5 http.healthcheck.interval: the target group's health check stays in Copilot's service stack (it is ELB's, not ECS's); with AWS access its path and success codes are compared with the manifest",
      "copilot/web/manifest.yml:20:3 http.deregistration_delay: a target group attribute: stays in Copilot's service stack",
      "copilot/web/manifest.yml:21:3 http.stickiness: a target group attribute: stays in Copilot's service stack",
      "copilot/web/manifest.yml:32:3 count.requests: requests 500 per target: tracking requests needs the service's target group, and it is not known (no http, or not read from AWS): not migrated",
    ]);
    expect(notesOf(migration, 'web', 'warning')).toContain(
      "copilot/web/manifest.yml:10:1 http: the target group Copilot's service stack created is not known without AWS in prod, test: loadBalancers[0].targetGroupArn is the config variable targetGroupArn, to be set before the first deploy (deploy --set targetGroupArn=ARN, or import again with AWS access); it is never guessed",
    );
    // Until it is set the profile says so; set, it renders and passes the validators.
    const unset = renderAndValidate({profile: web, environment: 'test', tag: '1.27'});
    expect(unset.issues.filter((issue) => issue.code === 'unresolved-variable').map((issue) => issue.path)).toEqual(['loadBalancers[0].targetGroupArn']);
    const set = renderAndValidate({profile: web, environment: 'test', tag: '1.27', overrides: {targetGroupArn: group('test', 'web')}});
    expect(set.service?.['loadBalancers']).toEqual([{targetGroupArn: group('test', 'web'), containerName: 'web', containerPort: 8080}]);
  });

  test('nlb only (http: false): the NLB target port, its port mapping, its grace period; ssl_policy named', () => {
    const migration = plan();
    const tcp = profileOf(migration, 'tcp');
    expect(JSON.parse(tcp.service.serviceSpec)).toMatchObject({
      healthCheckGracePeriodSeconds: 30,
      loadBalancers: [{targetGroupArn: '${serviceVariable.nlbTargetGroupArn}', containerName: '${CONTAINER_NAME}', containerPort: 9000}],
    });
    const task = JSON.parse(tcp.service.containerSpec.mode === 'json' ? tcp.service.containerSpec.json : '{}') as {
      containerDefinitions: Array<{portMappings: unknown}>;
    };
    expect(task.containerDefinitions[0]!.portMappings).toEqual([
      {containerPort: 8080, protocol: 'tcp'},
      {containerPort: 9000, protocol: 'tcp'},
    ]);
    // COPILOT_LB_DNS is the ALB's (envvars-common.yml): an NLB-only service has none.
    expect(notesOf(migration, 'tcp').filter((line) => line.includes('COPILOT_LB_DNS'))).toEqual([]);
    expect(notesOf(migration, 'web').filter((line) => line.includes('COPILOT_LB_DNS'))).toHaveLength(1);
    expect(notesOf(migration, 'tcp', 'unmapped')).toEqual([
      "copilot/tcp/manifest.yml:16:5 nlb.healthcheck.healthy_threshold: the target group's health check stays in Copilot's service stack",
      "copilot/tcp/manifest.yml:17:3 nlb.ssl_policy: stays in Copilot's service stack: not migrated",
    ]);
  });

  test('network.connect: serviceConnectConfiguration as Copilot renders it, per environment; it survives render and the validators', () => {
    const migration = plan();
    for (const [service, port, dnsName] of [
      ['web', 8080, 'web-api'],
      ['backend', 3000, 'backend'],
    ] as const) {
      const profile = profileOf(migration, service);
      for (const environment of ['prod', 'test'] as const) {
        const rendered = renderAndValidate({
          profile,
          environment,
          tag: '1',
          overrides: {targetGroupArn: group(environment, service)},
        });
        expect(rendered.service?.['serviceConnectConfiguration']).toEqual({
          enabled: true,
          namespace: `${environment}.shop.local`,
          logConfiguration: {
            logDriver: 'awslogs',
            options: {'awslogs-region': REGIONS[environment], 'awslogs-group': `/copilot/shop-${environment}-${service}`, 'awslogs-stream-prefix': 'copilot'},
          },
          services: [{portName: 'target', discoveryName: `${service}-sc`, clientAliases: [{port, dnsName}]}],
        });
        const containers = rendered.taskDefinition?.['containerDefinitions'] as Array<{portMappings: unknown}>;
        expect(containers[0]!.portMappings).toEqual([{containerPort: port, protocol: 'tcp', name: 'target'}]);
        // Only what is not known offline remains (the role, and prod's subnets of a VPC Copilot created).
        expect(rendered.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code)).toEqual(['unresolved-placeholder', 'awsvpc-network']);
      }
    }
  });

  test('environments in two regions: each environment’s region from --env-region', () => {
    expect(profileOf(plan(), 'backend').environments.map((environment) => `${environment.name} ${environment.region}`)).toEqual([
      'prod eu-west-1',
      'test us-east-1',
    ]);
  });

  test('a partial count override: prod 2-10 with the base’s CPU 60 %; the environments differ, so each gets its own, each named', () => {
    const migration = plan();
    expect(notesOf(migration, 'backend', 'info')).toContain(
      "copilot/backend/manifest.yml:20:5 environments.prod.count [prod]: range 2-10, with the base manifest's cpu_percentage (Copilot merges an environment's count into the base's field by field); desiredCount 2",
    );
    expect(profileOf(migration, 'backend').service.autoScaling).toBeUndefined();
    const prod = profileOf(migration, 'backend').environments.find((environment) => environment.name === 'prod')?.autoScaling;
    expect([prod?.minCount, prod?.maxCount, prod?.policies[0]?.metric, prod?.policies[0]?.target]).toEqual([2, 10, 'cpu', 60]);
    expect(notesOf(migration, 'backend', 'info').filter((line) => line.includes('auto scaling differs per environment'))).toHaveLength(2);
  });
});

describe('with what AWS says', () => {
  test('the live target group; requests per target tracked under Copilot’s policy name; no variable left to set', () => {
    const migration = plan(awsState({healthCheckPath: '/_health', hosts: ['api.example.com']}));
    const web = profileOf(migration, 'web');
    expect(web.service.variables['targetGroupArn']).toBe(group('prod', 'web'));
    expect(web.environments.find((environment) => environment.name === 'test')?.overrides['targetGroupArn']).toBe(group('test', 'web'));
    expect(web.service.autoScaling?.policies.map((policy) => [policy.metric, policy.target, policy.name])).toEqual([
      ['cpu', 70, 'web-ECSServiceAverageCPUUtilization-ScalingPolicy'],
      ['requests', 500, 'web-ALBSumRequestCountPerTarget-ScalingPolicy'],
    ]);
    for (const environment of ['prod', 'test'] as const) {
      const rendered = renderAndValidate({profile: web, environment, tag: '1.27'});
      expect(rendered.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(rendered.service?.['loadBalancers']).toEqual([{targetGroupArn: group(environment, 'web'), containerName: 'web', containerPort: 8080}]);
    }
    expect(profileOf(migration, 'tcp').service.variables['nlbTargetGroupArn']).toBe(group('prod', 'tcp'));
  });

  test('the manifest’s health check, path and alias against ELB’s: the same said, a difference named at its line', () => {
    const same = notesOf(plan(awsState({healthCheckPath: '/_health', hosts: ['api.example.com']})), 'web').filter((line) => line.includes('ELB'));
    expect(same).toContain('copilot/web/manifest.yml:14:3 http.healthcheck [test]: the target group health check path /_health: as ELB has it');
    expect(same).toContain('copilot/web/manifest.yml:11:3 http.path [prod]: the listener rule path-pattern /api, /api/*: as ELB has it');
    expect(same).toContain('copilot/web/manifest.yml:12:3 http.alias [test]: the listener rule host-header api.example.com: as ELB has it');
    const drifted = notesOf(plan(awsState({healthCheckPath: '/', hosts: []})), 'web', 'warning').filter((line) => line.includes('ELB has'));
    expect(drifted).toEqual([
      "copilot/web/manifest.yml:14:3 http.healthcheck [prod]: the target group health check path: the manifest says /_health, ELB has / (ELB's is what serves; the profile holds neither)",
      "copilot/web/manifest.yml:12:3 http.alias [prod]: the listener rule host-header: the manifest says api.example.com, ELB has (no host-header) (ELB's is what serves; the profile holds neither)",
      "copilot/web/manifest.yml:14:3 http.healthcheck [test]: the target group health check path: the manifest says /_health, ELB has / (ELB's is what serves; the profile holds neither)",
      "copilot/web/manifest.yml:12:3 http.alias [test]: the listener rule host-header: the manifest says api.example.com, ELB has (no host-header) (ELB's is what serves; the profile holds neither)",
    ]);
  });
});
