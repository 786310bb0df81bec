import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {answersFromFlags} from '../../../source/commands/init-flags.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {renderAndValidate} from '../../../source/domain/render-and-validate.js';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {assembleProfile} from '../../../source/operations/wizard/profile.js';
import type {SelectPrompt} from '../../../source/operations/wizard/question.js';
import {containerLogs} from '../../../source/operations/wizard/questions/container-logs.js';
import {describeFormLogs, formLogsDefault, withFormLogs} from '../../../source/operations/wizard/form-logs.js';
import {ec2DaemonAnswers} from './fixtures.js';

const NOW = '2026-01-02T03:04:05.000Z';

/** The flags of the EC2 DAEMON fixture (ec2DaemonAnswers), for `init` without a terminal. */
const flagsOf = (service: string, region: string) => ({
  app: 'ECS Demo',
  service,
  registry: 'dockerhub',
  image: 'library/nginx',
  tag: 'stable-perl',
  'launch-type': 'EC2',
  'network-mode': 'bridge',
  'memory-reservation': '128',
  port: ['80'],
  'container-env': ['LOG_LEVEL=info'],
  strategy: 'DAEMON',
  env: ['dev'],
  region: [region],
  cluster: ['dev-ec2'],
});

/** The Ink wizard's answers for the same setup, up to the container-logs question, answered with `value`. */
function wizardAnswers(service: string, region: string, value: 'awslogs' | 'none'): WizardAnswers {
  const answers: WizardAnswers = {...ec2DaemonAnswers(), serviceName: service, environments: [{name: 'dev', region, cluster: 'dev-ec2', overrides: {}}]};
  const prompt = containerLogs.prompt!({
    ctx: {answers, choices: {}, env: 0, hasPassword: false, passwordFromEnv: false},
    services: undefined as never,
    memo: new Map(),
  });
  const submission = (prompt as SelectPrompt).submit(value);
  return submission!.answers!;
}

const renderedLogs = (answers: WizardAnswers) => {
  const {profile, problems} = assembleProfile(answers, {now: NOW});
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const rendered = renderAndValidate({profile: profile!, environment: 'dev'});
  expect(rendered.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return {form: profile!.service.containerSpec, container: (rendered.taskDefinition!.containerDefinitions as JsonObject[])[0]!.logConfiguration};
};

describe('one default for both ways a profile is made', () => {
  test('the Ink wizard and init (form flags) give the same logConfiguration for the same service and region', () => {
    const regions = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1');
    const services = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
    fc.assert(
      fc.property(services, regions, (service, region) => {
        const flags = answersFromFlags(flagsOf(service, region), {}, {interactive: false, defaultRegion: 'us-east-1'});
        expect(flags.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        const wizard = wizardAnswers(service, region, 'awslogs');
        expect(wizard.containerForm?.logConfiguration).toEqual({group: `/ecs/${service}`, region, streamPrefix: 'ecs'});
        expect(wizard.containerForm?.logConfiguration).toEqual(flags.answers.containerForm?.logConfiguration);
      }),
    );
  });

  test('the saved profiles hold the same form, and render the same awslogs options', () => {
    const flags = answersFromFlags(flagsOf('log-agent', 'eu-west-1'), {}, {interactive: false, defaultRegion: 'us-east-1'});
    const fromFlags = renderedLogs(flags.answers);
    const fromWizard = renderedLogs(wizardAnswers('log-agent', 'eu-west-1', 'awslogs'));
    expect(fromWizard).toEqual(fromFlags);
    expect(fromWizard.container).toEqual({
      logDriver: 'awslogs',
      options: {'awslogs-group': '/ecs/log-agent', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs'},
    });
  });

  test('turned off, both save no log configuration', () => {
    const flags = answersFromFlags({...flagsOf('log-agent', 'eu-west-1'), 'no-logs': true}, {}, {interactive: false, defaultRegion: 'us-east-1'});
    const fromFlags = renderedLogs(flags.answers);
    const fromWizard = renderedLogs(wizardAnswers('log-agent', 'eu-west-1', 'none'));
    expect(fromWizard).toEqual(fromFlags);
    expect(fromWizard.container).toBeUndefined();
    expect(JSON.stringify(fromWizard.form)).not.toContain('logConfiguration');
  });
});

test('the default needs the service and the region; withFormLogs sets or removes only the logs', () => {
  expect(formLogsDefault({serviceName: 'api'}, undefined)).toBeUndefined();
  expect(formLogsDefault({}, 'us-east-1')).toBeUndefined();
  const logs = formLogsDefault({serviceName: 'api'}, 'us-east-1')!;
  expect(describeFormLogs(logs)).toBe('CloudWatch Logs /ecs/api (us-east-1), stream prefix ecs');
  const form = ec2DaemonAnswers().containerForm!;
  const on = withFormLogs(ec2DaemonAnswers(), logs);
  expect(on.containerForm).toEqual({...form, logConfiguration: logs});
  expect(withFormLogs(on, undefined).containerForm).toEqual(form);
  expect(Object.keys(withFormLogs(on, undefined).containerForm!)).not.toContain('logConfiguration');
});
