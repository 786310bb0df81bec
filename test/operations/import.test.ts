import {describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {diffPlan} from '../../source/domain/diff.js';
import type {JsonObject} from '../../source/domain/json.js';
import {toRegisterTaskDefinitionInput} from '../../source/domain/normalise/registrable-input.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {InputError} from '../../source/errors.js';
import {
  containerChoices,
  fetchServiceSource,
  fetchTaskDefinitionSource,
  fileSource,
  importReport,
  replacementLines,
  planContainerReplacement,
  planImport,
  saveImport,
  sourceRegion,
  suggestNames,
  toProfileName,
} from '../../source/operations/import.js';
import {planDeploy, planSummary} from '../../source/operations/deploy/plan.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';
import {FAKE_ACCOUNT, PagingEcs, seedTaskDefinition} from '../helpers/paging-ecs.js';

const NOW = '2026-02-01T10:00:00.000Z';
const ROLE = `arn:aws:iam::${FAKE_ACCOUNT}:role/ecsTaskExecutionRole`;
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const NETWORK = {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED'}};

describe('names', () => {
  test.each([
    [{family: 'shop-web-prod'}, {application: 'shop-web', service: 'shop-web', environment: 'production', profile: 'shop-web-production'}],
    [{family: 'api_staging'}, {application: 'api', service: 'api', environment: 'staging', profile: 'api-staging'}],
    [{family: 'billing'}, {application: 'billing', service: 'billing', environment: 'production', profile: 'billing-production'}],
    [
      {serviceName: 'web', cluster: 'prod-cluster'},
      {application: 'web', service: 'web', environment: 'production', profile: 'web-production'},
    ],
    [
      {serviceName: 'web', cluster: 'blue'},
      {application: 'web', service: 'web', environment: 'blue', profile: 'web-blue'},
    ],
    [
      {serviceName: 'web-dev', cluster: 'default'},
      {application: 'web', service: 'web-dev', environment: 'development', profile: 'web-dev-development'},
    ],
  ])('suggestNames(%o)', (input, expected) => {
    expect(suggestNames(input)).toEqual(expected);
  });

  test.each([
    ['web-production', 'web-production'],
    ['my app/prod', 'my-app-prod'],
    ['--x', 'x'],
    ['***', 'imported'],
  ])('toProfileName(%j) = %j', (text, name) => {
    expect(toProfileName(text)).toBe(name);
  });
});

/** A profile rendered with the imported tag, against what ECS describes. */
function roundTrip(plan: ReturnType<typeof planImport>, described: JsonObject, service?: JsonObject) {
  const profile = plan.profile!;
  const rendered = renderAndValidate({profile, environment: profile.environments[0]!.name, tag: profile.service.artifact.tag});
  // Without a service the environment has no subnets yet (the plan warns): the only error render may report.
  const errors = rendered.issues.filter((issue) => issue.severity === 'error' && !(service === undefined && issue.code === 'awsvpc-network'));
  expect(errors).toEqual([]);
  return {
    rendered,
    plan: diffPlan({
      taskDefinition: {desired: rendered.taskDefinition!, current: described},
      service: {desired: rendered.service!, current: service},
    }),
  };
}

describe('import a revision', () => {
  test('a new profile: replacements listed, placeholders in, the environment from the ARN; renders back field for field', async () => {
    const ecs = new PagingEcs({region: 'eu-west-1'});
    ecs.register({
      ...seedTaskDefinition('web', 1),
      containerDefinitions: [
        {name: 'team_web_1_1_0', image: 'registry.example.com:5000/team/web:1.1.0', essential: true, portMappings: [{containerPort: 8080}]},
      ],
      tags: [{key: 'team', value: 'a'}],
    });
    const source = await fetchTaskDefinitionSource(ecs, 'web');
    expect(source.label).toBe('web:1');
    const plan = planImport(source, {names: suggestNames({family: 'web'}), now: NOW});
    expect(plan.profile).toBeDefined();
    expect(plan.replacements.map(({path, from, to}) => [path, from, to])).toEqual([
      ['containerDefinitions[0].image', 'registry.example.com:5000/team/web:1.1.0', '${DOCKER_IMAGE_NAME}'],
      ['containerDefinitions[0].name', 'team_web_1_1_0', '${CONTAINER_NAME}'],
      ['executionRoleArn', ROLE, '${EXECUTION_ROLE}'],
    ]);
    expect(plan.issues.find((issue) => issue.code === 'import-network')).toMatchObject({severity: 'warning', path: 'environment.network'});
    expect(plan.stripped.taskDefinition).toEqual(
      expect.arrayContaining(['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']),
    );
    expect(plan.profile!.service.artifact).toEqual({registry: 'registry', host: 'registry.example.com:5000', image: 'team/web', tag: '1.1.0'});
    expect(plan.profile!.environments).toEqual([
      {name: 'production', region: 'eu-west-1', cluster: 'default', launchType: 'FARGATE', executionRoleArn: ROLE, overrides: {}},
    ]);
    const {rendered} = roundTrip(plan, source.taskDefinition!);
    expect(rendered.taskDefinition).toEqual({...toRegisterTaskDefinitionInput(source.taskDefinition!).value, tags: [{key: 'team', value: 'a'}]});
    expect(importReport(plan)).toEqual(
      expect.arrayContaining([
        'Replacements:',
        '  containerDefinitions[0].image: registry.example.com:5000/team/web:1.1.0 → ${DOCKER_IMAGE_NAME}',
        'Artifact registry.example.com:5000 · team/web · 1.1.0 · container team_web_1_1_0',
      ]),
    );
  });

  test('a secret with a ${…} in it: the report says it was kept literal, never what it is', () => {
    // DB_PASSWORD by its name, DATABASE_URL by its value (a URL with a password), the log driver's key by its option:
    // each is asked about (or refused) before a profile is saved, but the replacement list is printed too.
    const text = JSON.stringify({
      taskDefinition: {
        family: 'dollar',
        containerDefinitions: [
          {
            name: 'app',
            image: 'nginx:1.27',
            memory: 256,
            command: ['sh', '-c', 'echo ${HOSTNAME}'],
            environment: [
              {name: 'DB_PASSWORD', value: 'Sup3r${part}Pa55'},
              {name: 'DATABASE_URL', value: 'postgres://app:HuntEr22Pa55@db.internal:5432/${DB_NAME}'},
              {name: 'GREETING', value: 'hello ${USER}'},
            ],
            logConfiguration: {logDriver: 'splunk', options: {'splunk-token': 'tok-${x}-9f8e7d6c5b4a'}},
          },
        ],
      },
    });
    const plan = planImport(fileSource([{name: 'td.json', text}]).source!, {names: suggestNames({family: 'dollar'}), now: NOW, region: 'us-east-1'});
    const report = importReport(plan).join('\n');
    for (const secret of ['Sup3r', 'Pa55', 'HuntEr22', 'tok-', '9f8e7d6c5b4a']) expect(report).not.toContain(secret);
    expect(replacementLines(plan)).toEqual([
      'containerDefinitions[0].command[2]: echo ${HOSTNAME} → echo $${HOSTNAME}',
      'containerDefinitions[0].environment[0].value: (masked) → (masked, its ${…} written $${…})',
      'containerDefinitions[0].environment[1].value: (masked) → (masked, its ${…} written $${…})',
      'containerDefinitions[0].environment[2].value: hello ${USER} → hello $${USER}',
      'containerDefinitions[0].logConfiguration.options.splunk-token: (masked) → (masked, its ${…} written $${…})',
      'containerDefinitions[0].image: nginx:1.27 → ${DOCKER_IMAGE_NAME}',
    ]);
  });

  test('a digest-pinned image and a registry with a port come back character for character', async () => {
    const ecs = new PagingEcs();
    const image = `localhost:5000/team/api@${DIGEST}`;
    ecs.register({...seedTaskDefinition('api', 1), containerDefinitions: [{name: 'api', image, portMappings: [{containerPort: 80}]}]});
    const source = await fetchTaskDefinitionSource(ecs, 'api:1');
    const plan = planImport(source, {names: suggestNames({family: 'api'}), now: NOW});
    expect(plan.profile!.service.artifact).toEqual({registry: 'registry', host: 'localhost:5000', image: 'team/api', tag: DIGEST});
    const {rendered, plan: diff} = roundTrip(plan, source.taskDefinition!);
    expect((rendered.taskDefinition!['containerDefinitions'] as JsonObject[])[0]!['image']).toBe(image);
    expect(diff.taskDefinition.changes).toEqual([]);
  });

  test('sidecars keep their literal images; the default artifact container is the essential one with ports; --container picks another', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('shop', 1, {sidecar: true}));
    const source = await fetchTaskDefinitionSource(ecs, 'shop:1');
    expect(containerChoices(source.taskDefinition)).toEqual({names: ['log_router', 'web'], defaultName: 'web'});
    const plan = planImport(source, {names: suggestNames({family: 'shop'}), now: NOW});
    expect(plan.artifactContainer).toBe('web');
    const spec = JSON.parse((plan.profile!.service.containerSpec as {json: string}).json) as {containerDefinitions: JsonObject[]};
    expect(spec.containerDefinitions.map((container) => container['image'])).toEqual([
      'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0',
      '${DOCKER_IMAGE_NAME}',
    ]);
    expect(roundTrip(plan, source.taskDefinition!).plan.taskDefinition.changes).toEqual([]);

    const sidecar = planImport(source, {names: suggestNames({family: 'shop'}), container: 'log_router', now: NOW});
    expect(sidecar.profile!.service.artifact).toMatchObject({host: 'public.ecr.aws', image: 'aws-observability/aws-for-fluent-bit', tag: '2.32.0'});
    expect(roundTrip(sidecar, source.taskDefinition!).plan.taskDefinition.changes).toEqual([]);

    const unknown = planImport(source, {names: suggestNames({family: 'shop'}), container: 'nope', now: NOW});
    expect(unknown.profile).toBeUndefined();
    expect(unknown.issues[0]?.message).toBe('The task definition has no container "nope" (containers: log_router, web)');
  });

  test('an empty name or an invalid profile name is an error; nothing is planned', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web', 1));
    const source = await fetchTaskDefinitionSource(ecs, 'web');
    const plan = planImport(source, {names: {...suggestNames({family: 'web'}), application: ' ', profile: 'bad name'}, now: NOW});
    expect(plan.profile).toBeUndefined();
    expect(plan.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code)).toEqual(['profile-name', 'import-name']);
  });

  test('a revision that does not exist is an InputError naming it', async () => {
    const ecs = new PagingEcs();
    const error = await fetchTaskDefinitionSource(ecs, 'web:9').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({message: "no task definition 'web:9' in us-east-1", hint: expect.stringContaining('--region')});
  });
});

describe('import a live service (what ecspresso init does)', () => {
  function liveService() {
    const ecs = new PagingEcs({region: 'eu-central-1'});
    ecs.register({...seedTaskDefinition('web', 1, {sidecar: true}), tags: [{key: 'app', value: 'shop'}]});
    ecs.register(seedTaskDefinition('web', 2, {sidecar: true}));
    ecs.addService({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'web:2',
      desiredCount: 3,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: {
        awsvpcConfiguration: {subnets: ['subnet-0bbb2222', 'subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'ENABLED'},
      },
      deploymentConfiguration: {maximumPercent: 200, minimumHealthyPercent: 50, deploymentCircuitBreaker: {enable: true, rollback: true}},
      serviceRegistries: [{registryArn: 'arn:aws:servicediscovery:eu-central-1:123456789012:service/srv-1', containerName: 'web', containerPort: 8080}],
      propagateTags: 'SERVICE',
      enableExecuteCommand: true,
      tags: [{key: 'team', value: 'a'}],
    });
    return ecs;
  }

  test('service spec, task definition and environment; deployed with the current tag nothing changes', async () => {
    const ecs = liveService();
    const source = await fetchServiceSource(ecs, 'prod', 'web');
    expect(source.label).toBe('service prod/web');
    expect(sourceRegion(source)).toBe('eu-central-1');
    const plan = planImport(source, {names: suggestNames({serviceName: 'web', cluster: 'prod'}), now: NOW});
    expect(plan.profile?.environments).toEqual([
      {
        name: 'production',
        region: 'eu-central-1',
        cluster: 'prod',
        launchType: 'FARGATE',
        network: {subnets: ['subnet-0bbb2222', 'subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: true},
        executionRoleArn: ROLE,
        overrides: {},
      },
    ]);
    expect(plan.replacements.filter((item) => item.document === 'service').map((item) => [item.path, item.to])).toEqual([
      ['cluster', 'environment.cluster'],
      ['launchType', 'environment.launchType'],
      ['networkConfiguration', 'environment.network'],
      ['taskDefinition', 'the registered task definition'],
    ]);
    const spec = JSON.parse(plan.profile!.service.serviceSpec) as JsonObject;
    expect(Object.keys(spec)).not.toEqual(expect.arrayContaining(['serviceArn', 'status', 'runningCount', 'deployments', 'events', 'createdAt', 'clusterArn']));
    expect(importReport(plan)).toContain('Adopted: the service runs as described; deploys keep its settings (none of the defaults for new services are added)');
    const {plan: diff} = roundTrip(plan, source.taskDefinition!, source.service!);
    expect(diff.impact).toBe('none');
    expect([...diff.taskDefinition.changes, ...diff.service.changes]).toEqual([]);
  });

  test('right after the import, the deploy plan (what `diff --exit-code` and `deploy` run) is "no changes": nothing is registered or updated', async () => {
    const quiet = new PagingEcs({region: 'eu-central-1'});
    // What moto and older services describe: no deploymentConfiguration; the running revision is tagged.
    quiet.register({...seedTaskDefinition('api', 1), tags: [{key: 'team', value: 'a'}]});
    quiet.addService({cluster: 'prod', serviceName: 'api', taskDefinition: 'api:1', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: NETWORK});
    for (const [ecs, name] of [
      [liveService(), 'web'],
      [quiet, 'api'],
    ] as const) {
      const source = await fetchServiceSource(ecs, 'prod', name);
      const profile = planImport(source, {names: suggestNames({serviceName: name, cluster: 'prod'}), now: NOW}).profile!;
      const deploy = await planDeploy({ecs}, {profile, environment: profile.environments[0]!});
      expect([...deploy.diff.taskDefinition.changes, ...deploy.diff.service.changes], name).toEqual([]);
      expect(profile.service.adopted, name).toBe(true);
      expect(deploy.action, name).toBe('none');
      expect(deploy.reuse?.arn, name).toBe(deploy.running?.arn);
      expect(planSummary(deploy), name).toMatch(/^no changes: service \S+ already runs \S+:[0-9]+$/);
    }
  });

  test('a missing service is an InputError', async () => {
    const ecs = liveService();
    await expect(fetchServiceSource(ecs, 'prod', 'api')).rejects.toThrow("no service 'api' in cluster 'prod' (eu-central-1)");
  });
});

describe('saved describe output (no AWS)', () => {
  const ecs = new PagingEcs();
  const described = ecs.register(seedTaskDefinition('web', 1)).taskDefinition;
  const taskText = JSON.stringify({taskDefinition: described, tags: []});
  const state = ecs.addService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd']}},
  });
  const serviceText = JSON.stringify({services: [state.raw], failures: []});

  test('a task definition file; a task definition + services pair in any order', () => {
    expect(fileSource([{name: 'td.json', text: taskText}]).source).toMatchObject({label: 'td.json', taskDefinition: described});
    const pair = fileSource([
      {name: 'svc.json', text: serviceText},
      {name: 'td.json', text: taskText},
    ]).source!;
    expect(pair).toMatchObject({label: 'td.json + svc.json', serviceText, service: state.raw});
    const plan = planImport(pair, {names: suggestNames({serviceName: 'web', cluster: 'prod'}), now: NOW});
    expect(roundTrip(plan, described, state.raw).plan.impact).toBe('none');
  });

  test('a byte order mark before the JSON (text saved on Windows) changes nothing', () => {
    const pair = fileSource([
      {name: 'svc.json', text: `\uFEFF${serviceText}`},
      {name: 'td.json', text: `\uFEFF${taskText}`},
    ]).source!;
    expect(pair).toMatchObject({label: 'td.json + svc.json', taskDefinition: described, service: state.raw});
  });

  test('only describe-services output names the task definition it needs', () => {
    expect(fileSource([{name: 'svc.json', text: serviceText}])).toMatchObject({needsTaskDefinition: state.taskDefinition, serviceFile: {name: 'svc.json'}});
  });

  test('a file that is not JSON is reported by the domain with line and column', () => {
    const source = fileSource([{name: 'bad.json', text: '{\n  "taskDefinition": {,\n}'}]).source!;
    const plan = planImport(source, {names: suggestNames({family: 'x'}), now: NOW});
    expect(plan.profile).toBeUndefined();
    expect(plan.issues[0]).toMatchObject({code: 'json-syntax', line: 2});
  });

  test.each([
    [[], 'no file given'],
    [
      [
        {name: 'a', text: taskText},
        {name: 'b', text: taskText},
      ],
      'a and b are both task definitions',
    ],
    [
      [
        {name: 'a', text: serviceText},
        {name: 'b', text: serviceText},
      ],
      'a and b are both describe-services output',
    ],
  ])('refuses %#', (files, message) => {
    expect(() => fileSource(files)).toThrow(message);
  });
});

describe('replace the container specification of an existing profile', () => {
  test('artifact and container spec replaced; environments, service spec and runs stay; the role placeholder only when every environment has it', async () => {
    const ecs = new PagingEcs();
    ecs.register({...seedTaskDefinition('web-api', 1), executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole'});
    const source = await fetchTaskDefinitionSource(ecs, 'web-api:1');
    const profile = fargateJsonProfile();
    const plan = planContainerReplacement(profile, source, {now: NOW});
    const updated = plan.profile!;
    expect(updated.environments).toEqual(profile.environments);
    expect(updated.service.serviceSpec).toBe(profile.service.serviceSpec);
    expect(updated.runs).toEqual(profile.runs);
    expect(updated.updatedAt).toBe(NOW);
    expect(updated.service.artifact).toEqual({
      registry: 'registry',
      host: 'registry.example.com:5000',
      image: 'team/web-api',
      tag: '1.1.0',
      username: 'deploy',
    });
    expect(updated.service.registryAuth).toBeUndefined();
    expect(plan.issues.map((issue) => issue.code)).toContain('import-registry-auth');
    // Both environments of the fixture have this role.
    expect(profile.environments.map((environment) => environment.executionRoleArn)).toEqual([ROLE, ROLE]);
    expect(JSON.parse((updated.service.containerSpec as {json: string}).json).executionRoleArn).toBe('${EXECUTION_ROLE}');

    const otherRole = planContainerReplacement(
      {...profile, environments: profile.environments.map((environment) => ({...environment, executionRoleArn: 'arn:aws:iam::123456789012:role/other'}))},
      source,
      {now: NOW},
    );
    expect(JSON.parse((otherRole.profile!.service.containerSpec as {json: string}).json).executionRoleArn).toBe(ROLE);
    expect(otherRole.issues.map((issue) => issue.code)).toContain('import-execution-role');
  });
});

describe('saving', () => {
  test('refuses to replace a profile unless overwrite; the plan must have a profile', async () => {
    const ecs = new PagingEcs();
    ecs.register(seedTaskDefinition('web', 1));
    const source = await fetchTaskDefinitionSource(ecs, 'web');
    const plan = planImport(source, {names: suggestNames({family: 'web'}), now: NOW});
    const store = new MemoryProfileStore();
    await saveImport(store, plan, {label: 'web:1'});
    expect(await store.get('web-production')).toEqual(plan.profile);
    await expect(saveImport(store, plan, {label: 'web:1'})).rejects.toThrow("a profile named 'web-production' exists");
    await saveImport(store, plan, {label: 'web:1', overwrite: true});
    const broken = planImport(source, {names: {...suggestNames({family: 'web'}), profile: '-'}, now: NOW});
    await expect(saveImport(store, broken, {label: 'web:1'})).rejects.toThrow(/cannot import web:1:\n {2}import name: "-" is not a profile name/);
  });
});
