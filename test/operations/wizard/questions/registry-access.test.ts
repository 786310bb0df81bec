import {describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../../source/domain/wizard-answers.js';
import {answersFromFlags} from '../../../../source/commands/init-flags.js';
import {needsRegistryAuth} from '../../../../source/operations/wizard/artifact.js';
import type {ActionPrompt, PromptContext, StepContext, Submission} from '../../../../source/operations/wizard/question.js';
import {questionById} from '../../../../source/operations/wizard/question-list.js';
import {registryAccess} from '../../../../source/operations/wizard/questions/registry-access.js';
import type {WizardServices} from '../../../../source/operations/wizard/services.js';
import type {AccessCheck} from '../../../../source/ports/registry.js';

const HOST = 'registry.example.com:5000';
const base: WizardAnswers = {
  application: 'shop',
  serviceName: 'api',
  registry: 'registry',
  registryHost: HOST,
  registryUsername: '',
  image: 'team/api',
  tag: '1.0',
};

const context = (answers: WizardAnswers): StepContext => ({answers, choices: {}, env: 0, hasPassword: false, passwordFromEnv: false});

function promptFor(answers: WizardAnswers, access: AccessCheck, asked: string[] = []): ActionPrompt {
  const services = {
    registryAccess: async (artifact: {host: string; image: string}) => {
      asked.push(`${artifact.host}/${artifact.image}`);
      return access;
    },
  } as unknown as WizardServices;
  const promptContext: PromptContext = {ctx: context(answers), services, memo: new Map()};
  const prompt = registryAccess.prompt!(promptContext);
  if (prompt.kind !== 'action') throw new Error(`expected an action prompt, got ${prompt.kind}`);
  return prompt;
}

async function choose(prompt: ActionPrompt, value: string): Promise<Submission> {
  const outcome = prompt.choose(value);
  if (outcome.kind === 'submit') return outcome.submission;
  if (outcome.kind === 'run') return outcome.run();
  throw new Error('expected an answer');
}

/** The secret questions (section 8) that apply to the answers. */
const authSteps = (answers: WizardAnswers): string[] =>
  ['auth-secret', 'auth-kms', 'auth-role', 'auth-policy'].filter((id) => questionById(id).applies?.(context(answers)) ?? true);

describe('registry-access: does pulling from the private registry need credentials?', () => {
  test('asked for a private registry only, right after the tag', () => {
    expect(registryAccess.applies!(context(base))).toBe(true);
    expect(registryAccess.applies!(context({...base, registry: 'dockerhub'}))).toBe(false);
    expect(registryAccess.section).toBe(questionById('tag').section);
  });

  test('anonymous, checked: GET /v2/ answered 200 → no secret, no repositoryCredentials, no IAM policy; the wizard says it checked and what answered', async () => {
    const asked: string[] = [];
    const prompt = promptFor(base, {status: 'open', detail: `${HOST} answered GET /v2/ without credentials (HTTP 200)`}, asked);
    // No user was given for listing tags: anonymous is offered first.
    expect(prompt.options.map((option) => option.value)).toEqual(['anonymous', 'credentials']);
    const outcome = prompt.choose('anonymous');
    expect(outcome).toMatchObject({kind: 'run', progress: `Checking that ${HOST} answers without credentials (GET /v2/)…`});
    const submission = await choose(prompt, 'anonymous');
    expect(asked).toEqual([`${HOST}/team/api`]);
    expect(submission.notice).toBe(
      `Checked: ${HOST} answered GET /v2/ without credentials (HTTP 200). No credentials secret, no repositoryCredentials, no IAM policy.`,
    );
    expect(submission.answers).toMatchObject({registryAnonymous: true, registryAuth: null});
    expect(needsRegistryAuth(submission.answers!)).toBe(false);
    expect(authSteps(submission.answers!)).toEqual([]);
    const answered: StepContext = {...context(submission.answers!), choices: submission.choices!};
    expect(registryAccess.summary(answered)).toBe(`none: anyone may pull (checked: ${HOST} answered GET /v2/ without credentials (HTTP 200))`);
  });

  test('anonymous, but the registry asks for credentials: refused in place, saying how it asked', async () => {
    const prompt = promptFor(base, {status: 'closed', reason: `${HOST} asks for credentials (GET /v2/ answered HTTP 401, basic)`});
    const outcome = prompt.choose('anonymous');
    if (outcome.kind !== 'run') throw new Error('expected a check');
    await expect(outcome.run()).rejects.toThrow(`${HOST} asks for credentials (GET /v2/ answered HTTP 401, basic)`);
    expect(outcome.failure(`${HOST} asks for credentials (GET /v2/ answered HTTP 401, basic)`)).toBe(
      `${HOST} asks for credentials (GET /v2/ answered HTTP 401, basic): the tasks need credentials. Choose "Yes" (a Secrets Manager secret).`,
    );
  });

  test('anonymous, the registry out of reach: taken as said, with a note that it was not checked', async () => {
    const submission = await choose(promptFor(base, {status: 'unknown', kind: 'unreachable', reason: `cannot reach ${HOST} (ECONNREFUSED)`}), 'anonymous');
    expect(submission.answers).toMatchObject({registryAnonymous: true, registryAuth: null});
    expect(submission.notice).toContain(`Could not check ${HOST} (cannot reach ${HOST} (ECONNREFUSED)): taken as anonymous`);
  });

  test('credentials: the secret questions follow (and a user for listing tags puts this answer first)', async () => {
    const prompt = promptFor({...base, registryUsername: 'deploy', registryAnonymous: true, registryAuth: null}, {status: 'closed', reason: 'x'});
    expect(prompt.options.map((option) => option.value)).toEqual(['credentials', 'anonymous']);
    const submission = await choose(prompt, 'credentials');
    expect(submission.answers?.registryAnonymous).toBeUndefined();
    expect(submission.answers?.registryAuth).toBeUndefined();
    expect(authSteps(submission.answers!)).toEqual(['auth-secret', 'auth-kms', 'auth-role', 'auth-policy']);
  });
});

describe('init --anonymous-registry', () => {
  const flags = {app: 'shop', service: 'api', registry: HOST, image: 'team/api', tag: '1.0'};

  test('answers the question: no secret is needed or asked for', () => {
    const parsed = answersFromFlags({...flags, 'anonymous-registry': true}, {}, {interactive: false});
    expect(parsed.problems).toEqual([]);
    expect(parsed.answers).toMatchObject({registryAnonymous: true, registryAuth: null});
    expect(parsed.given['registry-access']).toBe('--anonymous-registry');
  });

  test('refused with --credentials-secret, and for a registry that is not a private one', () => {
    const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
    expect(answersFromFlags({...flags, 'anonymous-registry': true, 'credentials-secret': secret}, {}, {interactive: false}).problems).toContainEqual({
      flag: '--anonymous-registry',
      severity: 'error',
      message: 'give either --anonymous-registry or --credentials-secret, not both',
    });
    expect(answersFromFlags({...flags, registry: 'dockerhub', 'anonymous-registry': true}, {}, {interactive: false}).problems).toContainEqual({
      flag: '--anonymous-registry',
      severity: 'error',
      message: 'only a private registry can be anonymous: give its address with --registry URL',
    });
  });
});
