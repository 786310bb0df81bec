/**
 * 8. Private registry authentication: the Secrets Manager secret holding the registry's user name and password
 * (the container definition references it as repositoryCredentials). Its flags: --credentials-secret, --kms-key.
 */
import {arnRegion, checkArnAnswer} from '../answer-checks.js';
import {needsRegistryAuth} from '../artifact.js';
import type {Question} from '../question.js';
import {shortArn} from '../summary-text.js';

/** The KMS key ARN of a secret, when DescribeSecret gives its id or ARN (an alias cannot go in a policy). */
export function kmsArnOf(secretArn: string, kmsKeyId: string | undefined): string | undefined {
  if (kmsKeyId === undefined) return undefined;
  if (/^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\//.test(kmsKeyId)) return kmsKeyId;
  const [, partition, , region, account] = secretArn.split(':');
  if (/^[0-9a-f-]{36}$/.test(kmsKeyId) && region && account) return `arn:${partition}:kms:${region}:${account}:key/${kmsKeyId}`;
  return undefined;
}

export const authSecret: Question = {
  id: 'auth-secret',
  section: 7,
  label: 'Credentials secret',
  applies: (ctx) => needsRegistryAuth(ctx.answers),
  summary: (ctx) => shortArn(ctx.answers.registryAuth?.credentialsSecretArn),
  help: [
    'Private registry authentication: the registry user name and password are stored in an AWS Secrets Manager secret ({"username": "…", "password": "…"}), and the container definition references it: "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:region:aws_account_id:secret:secret_name"}. ecs-wizard adds that for you.',
  ],
  prompt: ({ctx: {answers}, services}) => ({
    kind: 'picker',
    label: 'Secrets Manager secret holding the registry user name and password',
    hint: 'The secret holds {"username": "…", "password": "…"}. Create one with: aws secretsmanager create-secret --name registry-creds --secret-string …',
    what: `secrets in ${services.defaultRegion() ?? 'the default region'}`,
    load: async () => {
      const listing = await services.secrets();
      return listing.ok
        ? {ok: true, items: listing.items.map((secret) => ({value: secret.arn, label: secret.name, detail: secret.kmsKeyId ? 'customer KMS key' : ''}))}
        : listing;
    },
    free: {validate: (text) => checkArnAnswer('secretsManagerSecret', text, 'the secret ARN'), hint: 'the secret ARN'},
    initial: answers.registryAuth?.credentialsSecretArn,
    check: {
      progress: 'Checking that the secret exists (secretsmanager:DescribeSecret)…',
      run: async ([arn]) => {
        const found = await services.secret(arn!);
        if (found.status === 'missing')
          return {ok: false, message: `No secret ${arn!.split(':').pop()} in ${arnRegion(arn!) ?? 'that region'}: check the ARN, or create the secret first`};
        if (found.status === 'unknown') return {ok: true, value: [arn!], note: `Could not check that the secret exists: ${found.reason}`};
        const kms = kmsArnOf(found.value.arn, found.value.kmsKeyId);
        return {ok: true, value: kms === undefined ? [found.value.arn] : [found.value.arn, kms]};
      },
    },
    submit: ([arn, kms], note) => {
      const previous = answers.registryAuth ?? undefined;
      const registryAuth = {credentialsSecretArn: arn!, ...(kms ? {kmsKeyArn: kms} : previous?.kmsKeyArn ? {kmsKeyArn: previous.kmsKeyArn} : {})};
      return {answers: {...answers, registryAuth}, ...(note ? {notice: note} : kms ? {notice: `The secret uses a customer KMS key: ${kms}`} : {})};
    },
  }),
  flags: [
    {name: 'credentials-secret', type: 'string', value: 'ARN', description: 'private registry: the Secrets Manager secret with the registry credentials'},
    {name: 'kms-key', type: 'string', value: 'ARN', description: 'private registry: the customer KMS key of the secret'},
  ],
  fields: {registryAuth: '--credentials-secret'},
  fromFlags(draft) {
    const secret = draft.take('credentials-secret', draft.value('credentials-secret'), (text) =>
      checkArnAnswer('secretsManagerSecret', text, 'the secret ARN'),
    );
    const kms = draft.take('kms-key', draft.value('kms-key'), (text) => checkArnAnswer('kmsKey', text, 'the KMS key ARN'));
    if (secret !== undefined) {
      draft.answers = {...draft.answers, registryAuth: kms === undefined ? {credentialsSecretArn: secret} : {credentialsSecretArn: secret, kmsKeyArn: kms}};
      draft.given['auth-secret'] = '--credentials-secret';
      draft.given['auth-kms'] = kms === undefined ? 'none' : '--kms-key';
    } else if (kms !== undefined) draft.fail('--kms-key', 'give the secret too: --credentials-secret ARN');
    else if (!draft.interactive && !needsRegistryAuth(draft.answers)) draft.answers = {...draft.answers, registryAuth: null};
  },
};
