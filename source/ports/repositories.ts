/**
 * ECR repositories, for the wizard's artifact step (pick a repository instead of typing its URI).
 * Tags of a repository come from the RegistryPort. Implemented by adapters/aws/ecr-repositories.ts.
 *
 * Errors: AwsError (source/errors.ts).
 */
export interface EcrRepository {
  name: string;
  /** `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api` */
  uri: string;
  arn?: string;
  /** ISO-8601. */
  createdAt?: string;
}

export interface RepositoriesPort {
  readonly region: string;
  /** Every repository of the registry (every page), sorted by name. */
  listRepositories(): Promise<EcrRepository[]>;
}
