import {describe, expect, test} from 'vitest';
import type {JsonObject} from '../../../source/domain/json.js';
import {
  awslogsStreamName,
  containerToRead,
  knownSecretValues,
  logDestinationOf,
  maskSecrets,
  parseAwslogsStream,
  readLogsHint,
  TASK_LOG_LINES,
  taskLogLines,
} from '../../../source/domain/deploy/task-logs.js';

describe("readLogsHint: where a stopped container's output really went", () => {
  const context = {taskId: '3f2a9c1b7d', region: 'eu-west-1', command: 'ecs-wizard logs web-api --env prod'};
  const of = (logConfiguration?: JsonObject) =>
    readLogsHint('web', logDestinationOf(logConfiguration === undefined ? {name: 'web'} : {name: 'web', logConfiguration}), context);

  test('awslogs with a prefix: the group, its region, the exact stream of this task, and the command that prints it', () => {
    expect(of({logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web-api', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs'}})).toBe(
      "Read web's output for the error it printed before exiting: CloudWatch Logs group /ecs/web-api (us-east-1), stream ecs/web/3f2a9c1b7d (ecs-wizard logs web-api --env prod)",
    );
    // No awslogs-region: the service's region.
    expect(of({logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web-api', 'awslogs-stream-prefix': 'app'}})).toContain(
      'group /ecs/web-api (eu-west-1), stream app/web/3f2a9c1b7d',
    );
  });

  test('awslogs without a prefix: the group, and that the stream is named after the Docker container id', () => {
    expect(of({logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web-api'}})).toBe(
      "Read web's output for the error it printed before exiting: CloudWatch Logs group /ecs/web-api (eu-west-1), in the stream named after its Docker container id (no awslogs-stream-prefix)",
    );
  });

  test('FireLens and other drivers: where they send it, not CloudWatch Logs', () => {
    expect(of({logDriver: 'awsfirelens', options: {Name: 'datadog'}})).toBe(
      "Read web's output for the error it printed before exiting: it went to FireLens → Datadog, not to CloudWatch Logs",
    );
    expect(of({logDriver: 'splunk', options: {'splunk-url': 'https://splunk.example.com:8088'}})).toContain(
      'it went to Splunk at https://splunk.example.com:8088',
    );
    expect(of({logDriver: 'none'})).toBe("web's output was discarded (logDriver none): set an awslogs logConfiguration to see why it exits");
  });

  test('no log configuration: the output is not kept, and how to keep it — never "read its logs"', () => {
    const hint = of();
    expect(hint).toBe(
      "web's output is not kept (its container definition has no logConfiguration): add one — logDriver awslogs with awslogs-group, awslogs-region and awslogs-stream-prefix (deploy creates the group) — and deploy again to see why it exits",
    );
    expect(hint).not.toMatch(/^Read/);
  });

  test('the task definition could not be read: where is not claimed', () => {
    expect(readLogsHint('web', undefined, context)).toBe(
      "Read web's output for the error it printed before exiting (where it went: the logConfiguration of web in the task definition)",
    );
  });
});

describe('logDestinationOf', () => {
  test('awslogs: group, region and stream prefix', () => {
    expect(
      logDestinationOf({
        name: 'web',
        logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs'}},
      }),
    ).toEqual({kind: 'awslogs', group: '/ecs/web', region: 'eu-west-1', streamPrefix: 'ecs'});
    expect(logDestinationOf({name: 'web', logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/web'}}})).toEqual({
      kind: 'awslogs',
      group: '/ecs/web',
    });
  });

  test('FireLens and other drivers say where the logs went', () => {
    expect(
      logDestinationOf({logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'cloudwatch_logs', log_group_name: '/fl/web', region: 'us-west-2'}}}),
    ).toEqual({kind: 'elsewhere', driver: 'awsfirelens', where: 'FireLens → CloudWatch Logs group /fl/web (us-west-2)'});
    expect(logDestinationOf({logConfiguration: {logDriver: 'awsfirelens', options: {Name: 'firehose', delivery_stream: 'web-logs'}}})).toMatchObject({
      where: 'FireLens → Kinesis Data Firehose web-logs',
    });
    expect(logDestinationOf({logConfiguration: {logDriver: 'awsfirelens'}})).toMatchObject({where: 'FireLens (the log router container decides where)'});
    expect(
      logDestinationOf({logConfiguration: {logDriver: 'splunk', options: {'splunk-url': 'https://splunk.example.com:8088', 'splunk-token': 'abc'}}}),
    ).toEqual({kind: 'elsewhere', driver: 'splunk', where: 'Splunk at https://splunk.example.com:8088'});
    expect(logDestinationOf({logConfiguration: {logDriver: 'fluentd', options: {'fluentd-address': '10.0.0.5:24224'}}})).toMatchObject({
      where: 'fluentd at 10.0.0.5:24224',
    });
    expect(logDestinationOf({logConfiguration: {logDriver: 'json-file'}})).toMatchObject({
      where: 'the container instance (json-file: `docker logs` on that host)',
    });
    expect(logDestinationOf({logConfiguration: {logDriver: 'none'}})).toMatchObject({where: 'nowhere: logDriver none discards the output'});
    expect(logDestinationOf({logConfiguration: {logDriver: 'awslogs', options: {}}})).toMatchObject({kind: 'elsewhere'});
  });

  test('no log configuration', () => {
    expect(logDestinationOf({name: 'web'})).toEqual({kind: 'none'});
    expect(logDestinationOf({name: 'web', logConfiguration: {}})).toEqual({kind: 'none'});
  });
});

test('awslogs stream names: <prefix>/<container>/<task-id>, and back', () => {
  expect(awslogsStreamName('ecs', 'web', 'a1b2c3')).toBe('ecs/web/a1b2c3');
  expect(awslogsStreamName(undefined, 'web', 'a1b2c3')).toBeUndefined();
  expect(parseAwslogsStream('my/prefix/web/a1b2c3')).toEqual({container: 'web', taskId: 'a1b2c3'});
  expect(parseAwslogsStream('web/a1b2c3')).toEqual({});
});

test('containerToRead: the essential container that exited with an error, before the first essential one', () => {
  const definitions: JsonObject[] = [{name: 'sidecar', essential: false}, {name: 'proxy'}, {name: 'app', essential: true}];
  expect(
    containerToRead(definitions, [
      {name: 'sidecar', exitCode: 1},
      {name: 'proxy', exitCode: 0},
      {name: 'app', exitCode: 137},
    ])?.name,
  ).toBe('app');
  expect(containerToRead(definitions, [{name: 'proxy', exitCode: 0}])?.name).toBe('proxy');
  expect(containerToRead(definitions, [])?.name).toBe('proxy');
  expect(containerToRead([{name: 'only', essential: false}], [])?.name).toBe('only');
  expect(containerToRead([], [])).toBeUndefined();
});

describe('masking secrets in log lines', () => {
  test("a URL's password, tokens and keys are masked by value, whatever surrounds them", () => {
    expect(maskSecrets('[info] config: DATABASE_URL=postgres://app:hunter2-secret@db:5432/shop')).toBe(
      '[info] config: DATABASE_URL=postgres://app:…@db:5432/shop',
    );
    expect(maskSecrets('token="ghp_abcdefghijklmnopqrstuvwxyz0123456789" ok')).toBe('token="ghp_…" ok');
    expect(maskSecrets('using key AKIAIOSFODNN7EXAMPLE in us-east-1')).toBe('using key AKIA… in us-east-1');
    expect(maskSecrets('{"stripe":"sk_live_abcdefghijklmnop"}')).toBe('{"stripe":"sk_live_…"}');
    expect(maskSecrets('auth:ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('auth:ghp_…');
  });

  test("the container's own secret values are masked wherever they appear", () => {
    const known = knownSecretValues({
      environment: [
        {name: 'DB_PASSWORD', value: 'plain-words-pw'},
        {name: 'GREETING', value: 'hello world'},
        {name: 'SHORT_TOKEN', value: 'abc'},
      ],
    });
    expect(known).toEqual(['plain-words-pw']);
    expect(maskSecrets('login failed for app with plain-words-pw (hello world)', known)).toBe('login failed for app with … (hello world)');
  });

  test('ordinary lines are left as they are', () => {
    const line = 'Error: connect ECONNREFUSED 10.0.3.17:5432 at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)';
    expect(maskSecrets(line)).toBe(line);
  });
});

test('taskLogLines: one line per line, the last 20, masked', () => {
  const messages = Array.from({length: 30}, (_, index) => `line ${index}`);
  messages.push('Error: boom\n    at main (/app/index.js:3:9)\n', 'password in url https://u:sekr3t-pass@example.com/x');
  const lines = taskLogLines(messages);
  expect(lines).toHaveLength(TASK_LOG_LINES);
  expect(lines.slice(-3)).toEqual(['Error: boom', '    at main (/app/index.js:3:9)', 'password in url https://u:…@example.com/x']);
  expect(lines[0]).toBe('line 13');
});
