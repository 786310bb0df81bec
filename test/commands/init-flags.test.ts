import {describe, expect, test} from 'vitest';
import {FLAG_OF, answersFromFlags, fileFlags, givenFlagNames, problemLines} from '../../source/commands/init-flags.js';
import type {AnswerField} from '../../source/operations/wizard/profile.js';

const EVERY_FIELD: Record<AnswerField, true> = {
  profileName: true,
  application: true,
  serviceName: true,
  registry: true,
  registryHost: true,
  image: true,
  tag: true,
  launchType: true,
  networkMode: true,
  containerSpec: true,
  containerForm: true,
  containerEnv: true,
  containerName: true,
  strategy: true,
  desiredCount: true,
  serviceSpec: true,
  discovery: true,
  variables: true,
  registryAuth: true,
  executionRole: true,
  environment: true,
  'environment.name': true,
  'environment.region': true,
  'environment.cluster': true,
  'environment.subnets': true,
  'environment.securityGroups': true,
  'environment.executionRole': true,
  'environment.overrides': true,
  'environment.capacity': true,
  'environment.autoScaling': true,
  autoScaling: true,
};

const parse = (options: Record<string, string | string[] | boolean>, files: Record<string, string> = {}, interactive = false) =>
  answersFromFlags(options, Object.fromEntries(Object.entries(files).map(([flag, text]) => [flag, {path: `${flag}.json`, text}])), {
    interactive,
    defaultRegion: 'us-east-1',
  });

describe("init's flags, from the questions", () => {
  test('every answer names the flag that gives it', () => {
    for (const field of Object.keys(EVERY_FIELD) as AnswerField[]) expect(FLAG_OF[field], field).toMatch(/^--/);
    expect(problemLines([], [{field: 'environment.cluster', environment: 0, severity: 'error', message: 'the cluster is missing'}], ['prod'])).toEqual([
      '--cluster: the cluster is missing (environment prod)',
    ]);
  });

  test('the files init reads are those the questions ask for', () => {
    expect(fileFlags()).toEqual(['container-spec', 'service-spec']);
    expect(givenFlagNames({app: 'a', port: [], yes: false, env: ['x']})).toEqual(['app', 'env']);
  });

  test('a flag given answers its question (the wizard skips it, showing the flag)', () => {
    const parsed = parse({app: 'ECS Demo', service: 'web', name: 'web-prod'}, {}, true);
    expect(parsed.answers).toEqual({application: 'ECS Demo', serviceName: 'web', profileName: 'web-prod'});
    expect(parsed.given).toEqual({application: '--app', service: '--service', save: '--name'});
    expect(parsed.problems).toEqual([]);
  });

  test('per-environment flags: once for all, or once per --env in order', () => {
    const parsed = parse({env: ['prod', 'staging'], cluster: ['a', 'b'], region: ['eu-west-1']});
    expect(parsed.answers.environments?.map((environment) => [environment.name, environment.region, environment.cluster])).toEqual([
      ['prod', 'eu-west-1', 'a'],
      ['staging', 'eu-west-1', 'b'],
    ]);
    expect(parsed.choices).toMatchObject({'env-more#0': 'yes', 'env-more#1': 'no', 'env-source#0': 'typed'});
  });

  test('--service-spec gives the strategy and desired count, unless --strategy / --desired-count do', () => {
    const daemon = '{"schedulingStrategy": "DAEMON"}';
    expect(parse({'launch-type': 'EC2'}, {'service-spec': daemon}).answers.strategy).toBe('DAEMON');
    expect(parse({'launch-type': 'EC2', strategy: 'REPLICA', 'desired-count': '3'}, {'service-spec': daemon}).answers).toMatchObject({
      strategy: 'REPLICA',
      desiredCount: 3,
    });
    expect(parse({'launch-type': 'EC2'}, {'service-spec': '{"schedulingStrategy": "REPLICA", "desiredCount": 4}'}).answers.desiredCount).toBe(4);
    expect(
      parse({'launch-type': 'EC2', 'desired-count': '2'}, {'service-spec': '{"schedulingStrategy": "REPLICA", "desiredCount": 4}'}).answers.desiredCount,
    ).toBe(2);
    const conflict = parse({'launch-type': 'EC2', 'desired-count': '2'}, {'service-spec': daemon});
    expect(conflict.problems).toContainEqual({
      flag: '--desired-count',
      severity: 'error',
      message: 'a DAEMON service runs one task per instance and takes no desired count',
    });
    expect(conflict.answers.desiredCount).toBeUndefined();
    expect(conflict.given['desired-count']).toBe('the default');
  });
});
