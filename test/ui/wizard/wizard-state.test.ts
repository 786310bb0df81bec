import {describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {refKey, type StepRef, type Submission} from '../../../source/operations/wizard/question.js';
import {currentRef, flowOf, hasProgress, initialWizard, summaryLines, wizardReducer, type WizardState} from '../../../source/ui/wizard/wizard-state.js';
import {ec2DaemonAnswers, fargateAnswers} from '../../operations/wizard/fixtures.js';

const submit = (state: WizardState, submission: Submission): WizardState => wizardReducer(state, {type: 'submit', ref: currentRef(state), submission});
const answer = (state: WizardState, patch: Partial<WizardAnswers>, choices?: Record<string, string>): WizardState =>
  submit(state, {answers: {...state.answers, ...patch}, ...(choices ? {choices} : {})});
const at = (state: WizardState): string => refKey(currentRef(state));

describe('the wizard reducer', () => {
  test('starts at the application; answers move on and collapse to lines', () => {
    let state = initialWizard();
    expect(at(state)).toBe('application');
    expect(hasProgress(state)).toBe(false);
    state = answer(state, {application: 'ECS Demo'});
    state = answer(state, {serviceName: 'web-api'});
    expect(at(state)).toBe('registry');
    expect(summaryLines(state).map((line) => `${line.label}: ${line.value}`)).toEqual([
      'Application: ECS Demo',
      'Service: web-api (deployment type: Amazon ECS)',
    ]);
    expect(hasProgress(state)).toBe(true);
  });

  test('Esc goes back one step keeping every answer; at the first step it asks to leave', () => {
    let state = initialWizard();
    state = answer(state, {application: 'ECS Demo'});
    state = answer(state, {serviceName: 'web-api'});
    state = wizardReducer(state, {type: 'back'});
    expect(at(state)).toBe('service');
    expect(state.answers).toEqual({application: 'ECS Demo', serviceName: 'web-api'});
    state = wizardReducer(state, {type: 'back'});
    expect(at(state)).toBe('application');
    state = wizardReducer(state, {type: 'back'});
    expect(state.leaving).toBe(true);
    expect(at(state)).toBe('application');
  });

  test('Fargate answers the network mode and the container mode itself (shown, skipped by Esc)', () => {
    let state = initialWizard({
      answers: {application: 'a', serviceName: 's', registry: 'dockerhub', image: 'library/nginx', tag: '1'},
      done: ['application', 'service', 'registry', 'image', 'tag'],
      resume: true,
    });
    expect(at(state)).toBe('launch-type');
    state = answer(state, {launchType: 'FARGATE'});
    expect(at(state)).toBe('container-json');
    const lines = summaryLines(state);
    expect(lines.slice(-2).map((line) => `${line.label}: ${line.value}`)).toEqual([
      'Network mode: awsvpc (Fargate requires it)',
      'Container specification: Advanced JSON (Fargate needs it)',
    ]);
    expect(state.answers).toMatchObject({networkMode: 'awsvpc', containerMode: 'json'});
    state = wizardReducer(state, {type: 'back'});
    expect(at(state)).toBe('launch-type');
  });

  test('EC2 with the form: the form and environment steps, no editor step', () => {
    const flow = flowOf({
      answers: {launchType: 'EC2', containerMode: 'form', registry: 'dockerhub', strategy: 'DAEMON'},
      choices: {},
      passwordFromEnv: false,
    }).map(refKey);
    expect(flow).toContain('container-form');
    expect(flow).toContain('container-env');
    expect(flow).not.toContain('container-json');
    expect(flow).not.toContain('desired-count');
    expect(flow).not.toContain('env-subnets#0');
    expect(flow).not.toContain('auth-secret');
  });

  test('a private registry brings its password, the secret, KMS key, role and policy steps', () => {
    const flow = flowOf({answers: {registry: 'registry', registryUsername: 'deploy', launchType: 'FARGATE'}, choices: {}, passwordFromEnv: false}).map(refKey);
    expect(flow.filter((key) => key.startsWith('registry') || key.startsWith('auth'))).toEqual([
      'registry',
      'registry-url',
      'registry-username',
      'registry-password',
      'registry-access',
      'auth-secret',
      'auth-kms',
      'auth-role',
      'auth-policy',
    ]);
    expect(flow).toContain('env-public-ip#0');
  });

  test('a step whose answer takes it out of the flow still moves forward (not back to the start)', () => {
    let state = initialWizard({
      answers: {...fargateAnswers(), discovery: {registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc'}},
      choices: {discovery: 'paste'},
      done: [
        'application',
        'service',
        'registry',
        'registry-url',
        'registry-username',
        'registry-password',
        'image',
        'tag',
        'registry-access',
        'artifact-server-name',
        'launch-type',
        'container-json',
        'strategy',
        'desired-count',
        'service-json',
        'deployment-strategy',
        'deployment-alarms',
        'load-balancer',
        'auto-scaling',
        'discovery',
        'discovery-arn',
      ],
      password: 'secret',
      resume: true,
    });
    expect(at(state)).toBe('discovery-srv');
    state = answer(state, {discovery: {...state.answers.discovery!, recordTypes: ['SRV']}});
    expect(at(state)).toBe('discovery-use');
  });

  test('bridge with SRV records: containerName + containerPort are decided, the only container is taken', () => {
    let state = initialWizard({
      answers: {...ec2DaemonAnswers(), discovery: {registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc', recordTypes: ['SRV']}},
      choices: {discovery: 'paste'},
      done: [
        'application',
        'service',
        'registry',
        'image',
        'tag',
        'launch-type',
        'network-mode',
        'container-mode',
        'container-form',
        'container-env',
        'strategy',
        'service-json',
        'deployment-strategy',
        'deployment-alarms',
        'load-balancer',
        'discovery',
      ],
      resume: true,
    });
    expect(at(state)).toBe('discovery-arn');
    state = submit(state, {});
    expect(at(state)).toBe('discovery-container-port');
    expect(
      summaryLines(state)
        .slice(-2)
        .map((line) => line.value),
    ).toEqual(['containerName + containerPort (required: SRV records without awsvpc)', '${CONTAINER_NAME} (the only container)']);
  });

  test('another environment repeats the environment steps, then the review', () => {
    let state = initialWizard({answers: fargateAnswers(), choices: {'env-source#0': 'typed'}, done: [], resume: false});
    const goTo = (key: string): void => {
      for (let guard = 0; guard < 80 && at(state) !== key; guard += 1) state = submit(state, {});
      expect(at(state)).toBe(key);
    };
    goTo('env-more#0');
    state = submit(state, {choices: {'env-more#0': 'yes'}});
    expect(at(state)).toBe('env-source#1');
    goTo('env-more#1');
    state = submit(state, {choices: {'env-more#1': 'no'}});
    // The artifact container's name, just before the review (derived unless a stable name is chosen).
    expect(at(state)).toBe('container-name');
    state = submit(state, {});
    expect(at(state)).toBe('review');
  });

  test('flags answer their steps: shown with the flag, never asked', () => {
    const state = initialWizard({answers: {application: 'ECS Demo', serviceName: 'web-api'}, given: {application: '--app', service: '--service'}});
    expect(at(state)).toBe('registry');
    expect(summaryLines(state).map((line) => line.value)).toEqual(['ECS Demo (--app)', 'web-api (deployment type: Amazon ECS) (--service)']);
    expect(wizardReducer(state, {type: 'back'}).leaving).toBe(true);
  });

  test('changing an answer from the review comes back to the review once everything holds', () => {
    let state = initialWizard({answers: ec2DaemonAnswers(), done: [], resume: false});
    for (let guard = 0; guard < 80 && at(state) !== 'review'; guard += 1) state = submit(state, {});
    expect(at(state)).toBe('review');
    const strategy: StepRef = {id: 'strategy'};
    state = wizardReducer(state, {type: 'change', ref: strategy});
    expect(at(state)).toBe('strategy');
    state = answer(state, {strategy: 'REPLICA'});
    // REPLICA brings the desired count, never answered: asked first.
    expect(at(state)).toBe('desired-count');
    state = answer(state, {desiredCount: 2});
    // …and "Scale automatically?", never asked of a DAEMON.
    expect(at(state)).toBe('auto-scaling');
    state = answer(state, {autoScaling: null});
    expect(at(state)).toBe('review');
    // Changing the launch type to Fargate: the Advanced JSON is needed before the review.
    state = wizardReducer(state, {type: 'change', ref: {id: 'launch-type'}});
    state = answer(state, {launchType: 'FARGATE'});
    expect(at(state)).toBe('container-json');
  });

  test('overlays: help toggles, Esc closes it before going back', () => {
    let state = answer(initialWizard(), {application: 'a'});
    state = wizardReducer(state, {type: 'toggle-help'});
    expect(state.overlay).toBe('help');
    state = wizardReducer(state, {type: 'back'});
    expect(state.overlay).toBe('none');
    expect(at(state)).toBe('service');
  });

  test('a submission for another step than the current one is ignored', () => {
    const state = initialWizard();
    expect(wizardReducer(state, {type: 'submit', ref: {id: 'tag'}, submission: {answers: {tag: 'x'}}})).toBe(state);
  });
});
