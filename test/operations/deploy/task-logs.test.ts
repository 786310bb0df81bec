import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../source/domain/json.js';
import {AwsError} from '../../../source/errors.js';
import {createTaskLogReader} from '../../../source/operations/deploy/task-logs.js';
import type {LogEvent, LogsPort} from '../../../source/ports/logs.js';
import {FakeClock} from '../../helpers/fake-clock.js';

const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef';
const TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7';

function reader(container: JsonObject | undefined, streams: Record<string, LogEvent[] | Error> = {}, groupExists = true) {
  const clock = new FakeClock();
  const asked: Array<{region: string; group: string; stream: string; limit: number}> = [];
  let describes = 0;
  const logsIn = async (region: string): Promise<LogsPort> => ({
    logGroupExists: async () => groupExists,
    createLogGroup: async () => undefined,
    tailStream: async (group, stream, limit) => {
      asked.push({region, group, stream, limit});
      const answer = streams[`${group}|${stream}`];
      if (answer instanceof Error) throw answer;
      if (answer === undefined) throw new AwsError('The specified log stream does not exist.', {kind: 'not-found', awsName: 'ResourceNotFoundException'});
      return answer;
    },
    filterEvents: async () => ({events: []}),
  });
  const read = createTaskLogReader({
    ecs: {
      region: 'eu-west-1',
      describeTaskDefinition: async () => {
        describes++;
        return container === undefined ? undefined : {taskDefinition: {family: 'web', containerDefinitions: [container]}, tags: []};
      },
    },
    logs: logsIn,
    clock,
  });
  return {read: (exitCode = 1) => read({taskArn: TASK, taskDefinitionArn: TD, containers: [{name: 'web', exitCode}]}), asked, describes: () => describes};
}

const awslogs = (extra: JsonObject = {}): JsonObject => ({
  name: 'web',
  essential: true,
  logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs', ...extra}},
  environment: [{name: 'API_TOKEN', value: 'tok-abcdef-123456'}],
});
const STREAM = 'ecs/web/0123456789abcdef0123456789abcdef';
const event = (message: string, timestamp = 1): LogEvent => ({timestamp, message, stream: STREAM});

describe('reading a stopped task’s own logs', () => {
  test('awslogs: the last lines of <prefix>/<container>/<task-id> in the task’s region, secrets masked; the task definition read once', async () => {
    const world = reader(awslogs(), {
      [`/ecs/web|${STREAM}`]: [event('calling api with tok-abcdef-123456'), event('DATABASE_URL=mysql://root:toor-pass-1@db/app\n'), event('Error: boom')],
    });
    expect(await world.read()).toEqual({
      type: 'task-logs',
      at: expect.any(Number),
      taskArn: TASK,
      container: 'web',
      source: `/ecs/web (eu-west-1) ${STREAM}`,
      lines: ['calling api with …', 'DATABASE_URL=mysql://root:…@db/app', 'Error: boom'],
    });
    expect(world.asked).toEqual([{region: 'eu-west-1', group: '/ecs/web', stream: STREAM, limit: 20}]);
    await world.read();
    expect(world.describes()).toBe(1);
  });

  test('awslogs-region wins over the task’s region', async () => {
    const world = reader(awslogs({'awslogs-region': 'us-west-2'}), {[`/ecs/web|${STREAM}`]: [event('hello')]});
    expect(await world.read()).toMatchObject({source: `/ecs/web (us-west-2) ${STREAM}`, lines: ['hello']});
    expect(world.asked[0]!.region).toBe('us-west-2');
  });

  test('a missing stream, a missing group, access denied and other errors are one-line notes', async () => {
    expect((await reader(awslogs()).read()).note).toBe(`no log stream ${STREAM} in /ecs/web: the container wrote nothing (it may never have started)`);
    const group = new AwsError('The specified log group does not exist.', {kind: 'not-found', awsName: 'ResourceNotFoundException'});
    expect((await reader(awslogs(), {[`/ecs/web|${STREAM}`]: group}, false).read()).note).toBe(
      'no log group /ecs/web: nothing was written (the container may never have started)',
    );
    // Some endpoints (moto) say "log group" for a missing stream: whether the group exists decides.
    expect((await reader(awslogs(), {[`/ecs/web|${STREAM}`]: group}, true).read()).note).toBe(
      `no log stream ${STREAM} in /ecs/web: the container wrote nothing (it may never have started)`,
    );
    const denied = new AwsError('not authorized to perform: logs:GetLogEvents', {kind: 'access-denied', awsName: 'AccessDeniedException'});
    expect(await reader(awslogs(), {[`/ecs/web|${STREAM}`]: denied}).read()).toMatchObject({
      lines: [],
      note: 'cannot read the logs: access denied (logs:GetLogEvents on /ecs/web); the run goes on without them',
    });
    expect((await reader(awslogs(), {[`/ecs/web|${STREAM}`]: new Error('socket hang up\nat …')}).read()).note).toBe('could not read the logs: socket hang up');
    expect((await reader(awslogs(), {[`/ecs/web|${STREAM}`]: []}).read()).note).toBe('the container wrote nothing');
  });

  test('FireLens, another driver, no configuration, no stream prefix: where the logs went instead', async () => {
    const firelens = {name: 'web', logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'datadog'}}};
    expect(await reader(firelens).read()).toMatchObject({container: 'web', lines: [], note: 'its logs went to FireLens → Datadog, not to awslogs'});
    expect((await reader({name: 'web', logConfiguration: {logDriver: 'splunk', options: {'splunk-url': 'https://s:8088'}}}).read()).note).toBe(
      'its logs went to Splunk at https://s:8088, not to awslogs',
    );
    expect((await reader({name: 'web'}).read()).note).toBe('container web has no log configuration: its output was not kept');
    expect((await reader({name: 'web', logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web'}}}).read()).note).toMatch(
      /^awslogs without awslogs-stream-prefix names the stream after the Docker container id/,
    );
    expect((await reader(undefined).read()).note).toBe('task definition web:7 not found: where its logs go is unknown');
  });

  test('a failing DescribeTaskDefinition is a note too: the read never throws', async () => {
    const read = createTaskLogReader({
      ecs: {
        region: 'eu-west-1',
        describeTaskDefinition: async () => {
          throw new AwsError('Rate exceeded', {kind: 'throttled', awsName: 'ThrottlingException'});
        },
      },
      logs: async () => {
        throw new Error('not reached');
      },
      clock: new FakeClock(),
    });
    expect((await read({taskArn: TASK, taskDefinitionArn: TD, containers: []})).note).toBe(
      'could not read task definition web:7 to find its logs: Rate exceeded',
    );
  });
});
