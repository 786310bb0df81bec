/**
 * 3. Whether the tasks need credentials to pull from the private registry. A registry that lets anyone pull needs
 * no Secrets Manager secret, no repositoryCredentials and no IAM policy: choosing "anonymous" is checked
 * (`GET /v2/` without credentials answers 200) and the wizard says that it checked and what answered. Its flag:
 * --anonymous-registry (init checks it too when the registry can be reached).
 */
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import {artifactOf} from '../artifact.js';
import type {Choice, Question} from '../question.js';

/** The answers once the registry is known to let anyone pull: no credentials secret (registryAuth answered "none"). */
export const anonymousAnswers = (answers: WizardAnswers): WizardAnswers => ({...answers, registryAnonymous: true, registryAuth: null});

/** Back to "the registry needs credentials": the secret questions are asked again. */
function credentialsAnswers(answers: WizardAnswers): WizardAnswers {
  const next: WizardAnswers = {...answers};
  delete next.registryAnonymous;
  if (next.registryAuth === null) delete next.registryAuth;
  return next;
}

const ANONYMOUS: Choice = {value: 'anonymous', label: 'No: anyone may pull (anonymous)', detail: 'no secret, no repositoryCredentials, no IAM policy'};
const CREDENTIALS: Choice = {
  value: 'credentials',
  label: 'Yes: pulling needs a user name and password',
  detail: 'a Secrets Manager secret (repositoryCredentials) and an execution role that may read it',
};

export const registryAccess: Question = {
  id: 'registry-access',
  section: 2,
  label: 'Pull credentials',
  applies: (ctx) => ctx.answers.registry === 'registry',
  valid: (ctx) => !(ctx.answers.registryAnonymous === true && ctx.answers.registryAuth),
  summary: (ctx) =>
    ctx.answers.registryAnonymous === true ? (ctx.choices['registry-access'] ?? 'none: anyone may pull') : 'needed (a Secrets Manager secret, step 8)',
  help: [
    'Private registry authentication is needed only when the registry asks for credentials. A registry that lets anyone pull needs no Secrets Manager secret, no repositoryCredentials in the container definition and no IAM policy on the execution role.',
    'Choosing "anonymous" is checked: GET /v2/ is sent to the registry without credentials; it must answer 200 (or, for a bearer-token registry, give an anonymous token that lists the image).',
  ],
  prompt: ({ctx: {answers}, services}) => {
    const host = answers.registryHost ?? '';
    const artifact = artifactOf(answers) ?? {registry: 'registry' as const, host, image: answers.image ?? ''};
    return {
      kind: 'action',
      label: `Do the tasks need credentials to pull from ${host}?`,
      // The likelier answer first: a user name was given for listing tags, or not.
      options: answers.registryUsername ? [CREDENTIALS, ANONYMOUS] : [ANONYMOUS, CREDENTIALS],
      body: [{note: 'Anonymous is checked now: GET /v2/ without credentials.', tone: 'dim'}],
      choose: (value) =>
        value === 'credentials'
          ? {kind: 'submit', submission: {answers: credentialsAnswers(answers)}}
          : {
              kind: 'run',
              progress: `Checking that ${host} answers without credentials (GET /v2/)…`,
              run: async () => {
                const access = await services.registryAccess(artifact);
                if (access.status === 'closed') throw new Error(access.reason);
                if (access.status === 'open')
                  return {
                    answers: anonymousAnswers(answers),
                    choices: {'registry-access': `none: anyone may pull (checked: ${access.detail})`},
                    notice: `Checked: ${access.detail}. No credentials secret, no repositoryCredentials, no IAM policy.`,
                  };
                return {
                  answers: anonymousAnswers(answers),
                  choices: {'registry-access': `none: anyone may pull (not checked: ${access.reason})`},
                  notice: `Could not check ${host} (${access.reason}): taken as anonymous as you said. If the tasks cannot pull, run the wizard again and choose credentials.`,
                };
              },
              failure: (reason) => `${reason}: the tasks need credentials. Choose "Yes" (a Secrets Manager secret).`,
            },
    };
  },
  flags: [
    {
      name: 'anonymous-registry',
      type: 'boolean',
      description: 'private registry: anyone may pull (checked with GET /v2/): no credentials secret, no repositoryCredentials, no IAM policy',
    },
  ],
  fromFlags(draft) {
    if (!draft.isSet('anonymous-registry')) return;
    if (draft.answers.registry !== 'registry') {
      draft.fail('--anonymous-registry', 'only a private registry can be anonymous: give its address with --registry URL');
      return;
    }
    if (draft.value('credentials-secret') !== undefined) {
      draft.fail('--anonymous-registry', 'give either --anonymous-registry or --credentials-secret, not both');
      return;
    }
    draft.answers = anonymousAnswers(draft.answers);
    draft.given['registry-access'] = '--anonymous-registry';
    draft.choices['registry-access'] = 'none: anyone may pull (--anonymous-registry)';
  },
};
