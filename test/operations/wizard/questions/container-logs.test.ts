import {describe, expect, test} from 'vitest';
import {answersFromFlags} from '../../../../source/commands/init-flags.js';
import type {WizardAnswers} from '../../../../source/domain/wizard-answers.js';
import type {SelectPrompt, StepContext} from '../../../../source/operations/wizard/question.js';
import {CONTAINER_LOGS_CHOICE, containerLogs} from '../../../../source/operations/wizard/questions/container-logs.js';
import {NO_LOGS_NOTE, checkContainerJson} from '../../../../source/operations/wizard/questions/container-json.js';
import {parseContainerForm} from '../../../../source/operations/wizard/questions/container-form.js';
import {ec2DaemonAnswers, fargateAnswers} from '../fixtures.js';

const LOGS = {group: '/ecs/log-agent', region: 'eu-west-1', streamPrefix: 'ecs'};

const ctx = (answers: WizardAnswers, choices: Record<string, string> = {}): StepContext => ({
  answers,
  choices,
  env: 0,
  hasPassword: false,
  passwordFromEnv: false,
});
const promptOf = (context: StepContext) => containerLogs.prompt!({ctx: context, services: undefined as never, memo: new Map()}) as SelectPrompt;

describe('the container-logs question', () => {
  test('asked for the simplified form only: Advanced JSON is the person’s own', () => {
    expect(containerLogs.applies?.(ctx(ec2DaemonAnswers()))).toBe(true);
    expect(containerLogs.applies?.(ctx(fargateAnswers()))).toBe(false);
  });

  test("offers the default for the service and the first environment's region, or none; the choice lands in the form", () => {
    const answers = {...ec2DaemonAnswers(), environments: [...ec2DaemonAnswers().environments!, {name: 'prod', region: 'us-west-2'}]};
    const prompt = promptOf(ctx(answers));
    expect(prompt.initial).toBe('awslogs');
    expect(prompt.options.map((option) => [option.value, option.label, option.disabled])).toEqual([
      ['awslogs', 'CloudWatch Logs /ecs/log-agent (eu-west-1), stream prefix ecs', undefined],
      ['none', 'No log configuration', undefined],
    ]);
    expect(prompt.options[0]!.detail).toBe('streams ecs/library_nginx_stable-perl/<task-id>; deploy creates the group when it is missing');
    expect(promptOf(ctx({...answers, containerName: 'agent'})).options[0]!.detail).toContain('streams ecs/agent/<task-id>');
    const on = prompt.submit('awslogs')!;
    expect(on.answers?.containerForm).toEqual({...answers.containerForm, logConfiguration: LOGS});
    expect(on.choices).toEqual({[CONTAINER_LOGS_CHOICE]: 'awslogs'});
    expect(containerLogs.summary(ctx(on.answers!))).toBe('CloudWatch Logs /ecs/log-agent (eu-west-1), stream prefix ecs');
    // Turned off: the form without logs, and "none" is what the question offers when asked again.
    const off = promptOf(ctx(on.answers!, on.choices)).submit('none')!;
    expect(off.answers?.containerForm).toEqual(answers.containerForm);
    expect(containerLogs.summary(ctx(off.answers!))).toBe("none (the container's output is not kept)");
    expect(promptOf(ctx(off.answers!, off.choices)).initial).toBe('none');
  });

  test('without a region yet the default cannot be chosen (said in place), and none still can', () => {
    const prompt = promptOf(ctx({...ec2DaemonAnswers(), environments: [{name: 'dev'}]}));
    expect(prompt.options[0]).toMatchObject({value: 'awslogs', disabled: "The service's name or the first environment's region is not known yet"});
    expect(prompt.submit('awslogs')).toBeUndefined();
    expect(prompt.submit('none')?.answers?.containerForm?.logConfiguration).toBeUndefined();
  });

  test('logs the service or the first region no longer give do not hold: the question is asked again', () => {
    const withLogs = {...ec2DaemonAnswers(), containerForm: {...ec2DaemonAnswers().containerForm!, logConfiguration: LOGS}};
    expect(containerLogs.valid?.(ctx(withLogs))).toBe(true);
    expect(containerLogs.valid?.(ctx(ec2DaemonAnswers()))).toBe(true);
    expect(containerLogs.valid?.(ctx({...withLogs, environments: [{name: 'dev', region: 'us-east-2', cluster: 'dev-ec2'}]}))).toBe(false);
    expect(containerLogs.valid?.(ctx({...withLogs, serviceName: 'agent'}))).toBe(false);
  });
});

describe('init in a terminal (the Ink wizard asks what the flags leave)', () => {
  const base = {app: 'shop', service: 'api', image: 'library/nginx', tag: '1', registry: 'dockerhub'};

  test('the EC2 form flags leave the logs to the question (the region is asked later); --no-logs answers it', () => {
    const deferred = answersFromFlags({...base, 'launch-type': 'EC2', 'memory-reservation': '128'}, {}, {interactive: true, defaultRegion: 'us-east-1'});
    expect(deferred.answers.containerForm).toEqual({memoryReservation: 128, ports: [], environment: []});
    expect(deferred.given['container-logs']).toBeUndefined();
    const none = answersFromFlags({...base, 'launch-type': 'EC2', 'memory-reservation': '128', 'no-logs': true}, {}, {interactive: true});
    expect(none.given['container-logs']).toBe('--no-logs');
    expect(none.choices[CONTAINER_LOGS_CHOICE]).toBe('none');
    expect(containerLogs.valid?.(ctx(none.answers))).toBe(true);
    // Without a terminal the flags decide at once, as before.
    const now = answersFromFlags({...base, 'launch-type': 'EC2', 'memory-reservation': '128'}, {}, {interactive: false, defaultRegion: 'us-east-1'});
    expect(now.answers.containerForm?.logConfiguration).toEqual({group: '/ecs/api', region: 'us-east-1', streamPrefix: 'ecs'});
  });

  test('on Fargate the JSON the form flags built is built again with the logs chosen: the same as without a terminal', () => {
    const flags = {...base, 'launch-type': 'FARGATE', port: ['80'], env: ['dev'], region: ['eu-west-1'], cluster: ['dev']};
    const interactive = answersFromFlags(flags, {}, {interactive: true, defaultRegion: 'us-east-1'});
    expect(interactive.answers.containerMode).toBe('json');
    expect(interactive.answers.containerJson).not.toContain('logConfiguration');
    const context = ctx(interactive.answers, interactive.choices);
    expect(containerLogs.applies?.(context)).toBe(true);
    const on = promptOf(context).submit('awslogs')!;
    const plain = answersFromFlags(flags, {}, {interactive: false, defaultRegion: 'us-east-1'});
    expect(plain.answers.containerJson).toContain('"awslogs-region": "eu-west-1"');
    expect(on.answers?.containerJson).toBe(plain.answers.containerJson);
    // Turned off again: the JSON the flags build with --no-logs.
    const off = promptOf(ctx(on.answers!, {...interactive.choices, ...on.choices})).submit('none')!;
    expect(off.answers?.containerJson).toBe(answersFromFlags({...flags, 'no-logs': true}, {}, {interactive: false}).answers.containerJson);
    // JSON edited into anything else is the person's: the question is not asked, nothing is added.
    const edited = {...interactive.answers, containerJson: interactive.answers.containerJson!.replace('"cpu": "256"', '"cpu": "512"')};
    expect(containerLogs.applies?.(ctx(edited, interactive.choices))).toBe(false);
  });
});

test('changing the simplified form keeps the logs chosen', () => {
  const answers = {...ec2DaemonAnswers(), containerForm: {...ec2DaemonAnswers().containerForm!, logConfiguration: LOGS}};
  expect(parseContainerForm(['', '', '256', '8080'], answers).form).toEqual({
    memoryReservation: 256,
    ports: [{containerPort: 8080, protocol: 'tcp'}],
    environment: [{name: 'LOG_LEVEL', value: 'info'}],
    logConfiguration: LOGS,
  });
});

test('Advanced JSON is taken as written: a note when its artifact container keeps no output, none when it does', () => {
  const answers = fargateAnswers();
  const bare = checkContainerJson(answers, answers.containerJson!, 'current', () => undefined);
  expect(bare.text).toBe(answers.containerJson);
  expect(bare.notes).toContain(NO_LOGS_NOTE);
  const logged = answers.containerJson!.replace(
    '"essential": true,',
    '"essential": true, "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web-api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs"}},',
  );
  const kept = checkContainerJson(answers, logged, 'current', () => undefined);
  expect(kept.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  expect(kept.text).toBe(logged);
  expect(kept.notes).not.toContain(NO_LOGS_NOTE);
});
