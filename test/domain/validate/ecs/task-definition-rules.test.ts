import {describe, expect, test} from 'vitest';
import type {JsonObject, JsonValue} from '../../../../source/domain/json.js';
import {ecsTaskDefinitionIssues} from '../../../../source/domain/validate/ecs/document.js';
import {fargateEverything} from './documents.js';

const codes = (task: JsonObject): string[] =>
  ecsTaskDefinitionIssues(task).map((issue) => `${issue.severity === 'warning' ? 'warning ' : ''}${issue.code} ${issue.path}`);

/** A valid Fargate task with the given containers (the first is the artifact's). */
const task = (containers: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  containerDefinitions: containers,
  ...extra,
});
const web = (extra: JsonObject = {}): JsonObject => ({name: 'web', image: 'nginx:1.27', essential: true, ...extra});
const sidecar = (extra: JsonObject = {}): JsonObject => ({name: 'agent', image: 'datadog/agent:7', essential: false, ...extra});

describe('cross-field rules of a task definition', () => {
  test.each<[string, JsonObject, string[]]>([
    // Containers refer to containers of the task.
    [
      'dependsOn an unknown container',
      task([web({dependsOn: [{containerName: 'db', condition: 'START'}]})]),
      ['unknown-container containerDefinitions[0].dependsOn[0].containerName'],
    ],
    [
      'dependsOn itself',
      task([web({dependsOn: [{containerName: 'web', condition: 'START'}]})]),
      ['unknown-container containerDefinitions[0].dependsOn[0].containerName'],
    ],
    ['dependsOn a sidecar', task([web({dependsOn: [{containerName: 'agent', condition: 'START'}]}), sidecar()]), []],
    [
      'volumesFrom an unknown container',
      task([web({volumesFrom: [{sourceContainer: 'data'}]})]),
      ['unknown-container containerDefinitions[0].volumesFrom[0].sourceContainer'],
    ],
    [
      'links to an unknown container (bridge)',
      task([web({links: ['db:database']})], {networkMode: 'bridge', requiresCompatibilities: ['EC2']}),
      ['unknown-container containerDefinitions[0].links[0]'],
    ],
    ['links in awsvpc', task([web({links: ['agent']}), sidecar()]), ['links-network-mode containerDefinitions[0].links']],
    [
      'the App Mesh proxy names an unknown container',
      task([web()], {proxyConfiguration: {type: 'APPMESH', containerName: 'envoy'}}),
      ['unknown-container proxyConfiguration.containerName'],
    ],
    [
      'references to ${CONTAINER_NAME} before rendering',
      task([web({name: '${CONTAINER_NAME}'}), sidecar({dependsOn: [{containerName: '${CONTAINER_NAME}', condition: 'HEALTHY'}]})]),
      [],
    ],
    [
      'an unknown reference beside ${CONTAINER_NAME}',
      task([web({name: '${CONTAINER_NAME}'}), sidecar({dependsOn: [{containerName: 'library_nginx_1', condition: 'START'}]})]),
      ['unknown-container containerDefinitions[1].dependsOn[0].containerName'],
    ],
    [
      'references are not checked while another name is a variable',
      task([web({name: '${serviceVariable.name}'}), sidecar({dependsOn: [{containerName: 'web', condition: 'START'}]})]),
      [],
    ],

    // Names.
    ['two containers of one name', task([web(), sidecar({name: 'web'})]), ['container-name-duplicate containerDefinitions[1].name']],
    ['an illegal family', task([web()], {family: 'my web'}), ['invalid-name family']],

    // At least one essential container.
    ['no essential container', task([web({essential: false}), sidecar()]), ['no-essential-container containerDefinitions[0].essential']],
    ['essential left out means essential', task([{name: 'web', image: 'nginx'}]), []],
    ['an essential that is a placeholder may be true', task([web({essential: '${serviceVariable.essential}'})]), []],

    // Volumes.
    [
      'a mount point of an undefined volume',
      task([web({mountPoints: [{sourceVolume: 'data', containerPath: '/data'}]})]),
      ['unknown-volume containerDefinitions[0].mountPoints[0].sourceVolume'],
    ],
    ['a mount point of a defined volume', task([web({mountPoints: [{sourceVolume: 'data', containerPath: '/data'}]})], {volumes: [{name: 'data'}]}), []],
    ['two volumes of one name', task([web()], {volumes: [{name: 'data'}, {name: 'data', host: {sourcePath: '/d'}}]}), ['duplicate-volume volumes[1].name']],
    ['an EFS volume without a name', task([web()], {volumes: [{efsVolumeConfiguration: {fileSystemId: 'fs-1'}}]}), ['missing-field volumes[0].name']],
    [
      'two volumes configured at launch',
      task([web()], {
        volumes: [
          {name: 'a', configuredAtLaunch: true},
          {name: 'b', configuredAtLaunch: true},
        ],
      }),
      ['volume-at-launch volumes'],
    ],

    // Memory and cpu against the task.
    ['a container memory above the task memory', task([web({memory: 2048})]), ['container-memory-over-task containerDefinitions[0].memory']],
    ['a container memory equal to the task memory', task([web({memory: 1024})]), []],
    ['memoryReservation above memory', task([web({memory: 256, memoryReservation: 512})]), ['memory-reservation containerDefinitions[0].memoryReservation']],
    [
      'the reservations add up beyond the task memory',
      task([web({memoryReservation: 768}), sidecar({memoryReservation: 512})]),
      ['memory-reservation-sum memory'],
    ],
    ['hard limits may add up beyond the task memory', task([web({memory: 768}), sidecar({memory: 768})]), []],
    ['the cpu adds up beyond the task cpu', task([web({cpu: 384}), sidecar({cpu: 256})]), ['container-cpu-sum cpu']],
    [
      '"1 GB" task memory is 1024 MiB',
      task([web({memory: 1025})], {memory: '1 GB', cpu: '0.5 vCPU'}),
      ['container-memory-over-task containerDefinitions[0].memory'],
    ],
    ['a task memory that is a placeholder is not compared', task([web({memory: 4096})], {memory: '${serviceVariable.memory}'}), []],

    // FARGATE compatibility.
    ['FARGATE in bridge mode', task([web()], {networkMode: 'bridge'}), ['fargate-network-mode networkMode']],
    ['FARGATE without a task size', (({cpu: _c, memory: _m, ...rest}) => rest)(task([web()])), ['fargate-task-size cpu', 'fargate-task-size memory']],
    ['FARGATE with a size Fargate does not offer', task([web()], {cpu: '256', memory: '4096'}), ['fargate-cpu-memory memory']],

    // Ports.
    [
      'a port mapping without containerPort',
      task([web({portMappings: [{protocol: 'tcp'}]})]),
      ['missing-field containerDefinitions[0].portMappings[0].containerPort'],
    ],
    [
      'awsvpc: hostPort differs',
      task([web({portMappings: [{containerPort: 80, hostPort: 8080}]})]),
      ['host-port containerDefinitions[0].portMappings[0].hostPort'],
    ],
    [
      'none: port mappings',
      task([web({portMappings: [{containerPort: 80}]})], {networkMode: 'none', requiresCompatibilities: ['EC2']}),
      ['port-mappings-none containerDefinitions[0].portMappings'],
    ],

    // Logging, limits, resources.
    [
      'awsfirelens without a log router',
      task([web({logConfiguration: {logDriver: 'awsfirelens'}})]),
      ['firelens-router-missing containerDefinitions[0].logConfiguration.logDriver'],
    ],
    ['awsfirelens with a log router', task([web({logConfiguration: {logDriver: 'awsfirelens'}}), sidecar({firelensConfiguration: {type: 'fluentbit'}})]), []],
    [
      'a ulimit soft above hard',
      task([web({ulimits: [{name: 'nofile', softLimit: 4096, hardLimit: 1024}]})]),
      ['ulimit-limits containerDefinitions[0].ulimits[0].softLimit'],
    ],
    ['an unlimited ulimit', task([web({ulimits: [{name: 'memlock', softLimit: -1, hardLimit: -1}]})]), []],
    [
      'a health check command without CMD',
      task([web({healthCheck: {command: ['curl', '-f', 'http://localhost/']}})]),
      ['warning health-check-command containerDefinitions[0].healthCheck.command[0]'],
    ],
    [
      'a GPU with a value and a sharing strategy',
      task([web({resourceRequirements: [{type: 'GPU', value: '1', sharingStrategy: {nvidiaMps: {}}}]})]),
      ['gpu-requirement containerDefinitions[0].resourceRequirements[0].value'],
    ],
    ['a GPU without a value', task([web({resourceRequirements: [{type: 'GPU'}]})]), ['missing-field containerDefinitions[0].resourceRequirements[0].value']],
    [
      'an inference accelerator that is not declared',
      task([web({resourceRequirements: [{type: 'InferenceAccelerator', value: 'device1'}]})]),
      ['unknown-inference-accelerator containerDefinitions[0].resourceRequirements[0].value'],
    ],
    [
      'an environment variable set twice',
      task([
        web({
          environment: [
            {name: 'A', value: '1'},
            {name: 'A', value: '2'},
          ],
        }),
      ]),
      ['warning duplicate-environment-name containerDefinitions[0].environment[1].name'],
    ],
  ])('%s', (_name, document, expected) => {
    expect(codes(document)).toEqual(expected);
  });

  test("an environment variable set twice or more: each later one, named by its own path and the first one's", () => {
    const environment: JsonValue[] = [
      {name: 'A', value: '1'},
      'not an object',
      {name: 'B', value: '2'},
      {name: 'A', value: '3'},
      {value: '4'},
      {name: 'A', value: '5'},
    ];
    const issues = ecsTaskDefinitionIssues(task([sidecar(), web({environment})])).filter((issue) => issue.code === 'duplicate-environment-name');
    expect(issues.map(({path, message, severity}) => ({path, message, severity}))).toEqual([
      {
        path: 'containerDefinitions[1].environment[3].name',
        message: 'The environment variable A is already set by containerDefinitions[1].environment[0]; one value is lost',
        severity: 'warning',
      },
      {
        path: 'containerDefinitions[1].environment[5].name',
        message: 'The environment variable A is already set by containerDefinitions[1].environment[0]; one value is lost',
        severity: 'warning',
      },
    ]);
  });

  test('messages name what is wrong and what is there', () => {
    const [unknown] = ecsTaskDefinitionIssues(task([web({dependsOn: [{containerName: 'db', condition: 'START'}]}), sidecar()]));
    expect(unknown).toMatchObject({
      message: 'dependsOn names "db", which is not a container of this task definition (containers: web, agent)',
      fix: 'Use one of: web, agent',
    });
    const [memory] = ecsTaskDefinitionIssues(task([web({memory: 4096})]));
    expect(memory?.message).toBe('The memory of container "web" (4096 MiB) is more than the task\'s memory (1024 MiB)');
  });

  test('the full Fargate document has none', () => {
    expect(codes(fargateEverything())).toEqual([]);
  });
});
