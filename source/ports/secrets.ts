/**
 * AWS Secrets Manager, as far as ecs-wizard needs it: does a secret exist, and which KMS key encrypts it (private
 * registry credentials, container secrets); and, for import's "move plaintext secrets", create a secret or give an
 * existing one a new value. Secret values are written, never read. Implemented by adapters/aws/secrets.ts.
 *
 * Errors: AwsError (source/errors.ts); a secret that does not exist is undefined, not an error.
 */
export interface SecretSummary {
  arn: string;
  name: string;
  /** The customer KMS key (ID, alias or ARN as AWS reports it); absent when the secret uses the AWS managed key. */
  kmsKeyId?: string;
  description?: string;
  /** ISO-8601, set when the secret is scheduled for deletion. */
  deletedAt?: string;
}

export interface NewSecret {
  name: string;
  /** The value. It is sent to Secrets Manager and nowhere else: never logged, never part of an error. */
  secretString: string;
  description?: string;
  /** A customer KMS key (ARN, ID or alias); absent: the AWS managed key aws/secretsmanager. */
  kmsKeyId?: string;
  tags?: Record<string, string>;
}

export interface SecretsPort {
  /** DescribeSecret by ARN (or name); undefined when there is no such secret. */
  describeSecret(arnOrName: string): Promise<SecretSummary | undefined>;
  /** All secrets of the region (every page). */
  listSecrets(): Promise<SecretSummary[]>;
  /** CreateSecret; an existing name is an AwsError of kind `invalid` (ResourceExistsException). */
  createSecret(secret: NewSecret): Promise<SecretSummary>;
  /** PutSecretValue: a new version of an existing secret, which becomes AWSCURRENT. */
  putSecretValue(arnOrName: string, secretString: string): Promise<void>;
}
