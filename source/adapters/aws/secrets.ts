/**
 * SecretsPort on the AWS SDK v3: metadata (DescribeSecret, ListSecrets) and writing a value (CreateSecret,
 * PutSecretValue) — secret values are never read. Errors become AwsError; a secret that does not exist is undefined.
 */
import type {SecretsManagerClient} from '@aws-sdk/client-secrets-manager';
import {AwsError} from '../../errors.js';
import type {SecretSummary, SecretsPort} from '../../ports/secrets.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

interface SdkSecret {
  ARN?: string;
  Name?: string;
  KmsKeyId?: string;
  Description?: string;
  DeletedDate?: Date;
}

function secretOf(secret: SdkSecret): SecretSummary {
  return {
    arn: secret.ARN ?? '',
    name: secret.Name ?? '',
    kmsKeyId: secret.KmsKeyId === '' ? undefined : secret.KmsKeyId,
    description: secret.Description,
    deletedAt: secret.DeletedDate?.toISOString(),
  };
}

export async function createSecretsPort(factory: AwsClientFactory): Promise<SecretsPort> {
  const client: SecretsManagerClient = await factory.client('secretsmanager');
  const sdk = await import('@aws-sdk/client-secrets-manager');
  const target = await factory.target('secretsmanager');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'secretsmanager', operation, ...target});
    }
  }

  return {
    async describeSecret(arnOrName) {
      try {
        return secretOf(await call('DescribeSecret', () => client.send(new sdk.DescribeSecretCommand({SecretId: arnOrName}))));
      } catch (error) {
        if (error instanceof AwsError && error.kind === 'not-found') return undefined;
        throw error;
      }
    },

    async listSecrets() {
      const secrets: SecretSummary[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('ListSecrets', () => client.send(new sdk.ListSecretsCommand({NextToken: nextToken})));
        secrets.push(...(page.SecretList ?? []).map(secretOf));
        nextToken = page.NextToken === '' ? undefined : page.NextToken;
      } while (nextToken !== undefined);
      return secrets;
    },

    async createSecret(secret) {
      const created = await call('CreateSecret', () =>
        client.send(
          new sdk.CreateSecretCommand({
            Name: secret.name,
            SecretString: secret.secretString,
            Description: secret.description,
            KmsKeyId: secret.kmsKeyId,
            Tags: secret.tags === undefined ? undefined : Object.entries(secret.tags).map(([Key, Value]) => ({Key, Value})),
          }),
        ),
      );
      return secretOf({ARN: created.ARN, Name: created.Name ?? secret.name, KmsKeyId: secret.kmsKeyId, Description: secret.description});
    },

    async putSecretValue(arnOrName, secretString) {
      await call('PutSecretValue', () => client.send(new sdk.PutSecretValueCommand({SecretId: arnOrName, SecretString: secretString})));
    },
  };
}
