/**
 * AWS Secrets Manager, only as far as private registry authentication needs it: does the credentials secret
 * exist, and which KMS key encrypts it. Secret values are never read. Implemented by adapters/aws/secrets.ts.
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

export interface SecretsPort {
  /** DescribeSecret by ARN (or name); undefined when there is no such secret. */
  describeSecret(arnOrName: string): Promise<SecretSummary | undefined>;
  /** All secrets of the region (every page). */
  listSecrets(): Promise<SecretSummary[]>;
}
