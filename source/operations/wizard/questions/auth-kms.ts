/** 8. The secret's customer KMS key (kms:Decrypt is needed only for a custom key; --kms-key, a flag of auth-secret). */
import {checkArnAnswer, type Checked} from '../answer-checks.js';
import {needsRegistryAuth} from '../artifact.js';
import {textPrompt, type Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const authKms: Question = {
  id: 'auth-kms',
  section: 7,
  label: 'KMS key',
  applies: (ctx) => needsRegistryAuth(ctx.answers),
  summary: (ctx) => (ctx.answers.registryAuth?.kmsKeyArn ? shortArn(ctx.answers.registryAuth.kmsKeyArn) : 'the default key'),
  help: [
    "The action kms:Decrypt is required only if the secret uses a custom KMS key and not the default key. Give that key's ARN; leave it empty for the default key.",
  ],
  prompt: ({ctx: {answers}}) =>
    textPrompt<string | undefined>({
      label: 'Customer KMS key of the secret (empty: the default key)',
      hint: 'kms:Decrypt is added to the policy only for a custom key.',
      initial: answers.registryAuth?.kmsKeyArn ?? '',
      placeholder: 'arn:aws:kms:us-east-1:123456789012:key/…',
      validate: (text): Checked<string | undefined> => (text.trim() === '' ? {ok: true, value: undefined} : checkArnAnswer('kmsKey', text, 'the KMS key ARN')),
      submit: (value) => {
        if (!answers.registryAuth) return undefined;
        const registryAuth = {credentialsSecretArn: answers.registryAuth.credentialsSecretArn, ...(value ? {kmsKeyArn: value} : {})};
        return {answers: {...answers, registryAuth}};
      },
    }),
};
