/** RepositoriesPort on the AWS SDK v3 (ECR DescribeRepositories, every page). */
import type {ECRClient} from '@aws-sdk/client-ecr';
import type {EcrRepository, RepositoriesPort} from '../../ports/repositories.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

export async function createRepositoriesPort(factory: AwsClientFactory): Promise<RepositoriesPort> {
  const client: ECRClient = await factory.client('ecr');
  const sdk = await import('@aws-sdk/client-ecr');
  const target = await factory.target('ecr');
  return {
    region: target.region,
    async listRepositories() {
      const repositories: EcrRepository[] = [];
      let nextToken: string | undefined;
      try {
        do {
          const page = await client.send(new sdk.DescribeRepositoriesCommand({nextToken}));
          for (const repository of page.repositories ?? []) {
            repositories.push({
              name: repository.repositoryName ?? '',
              uri: repository.repositoryUri ?? '',
              ...(repository.repositoryArn ? {arn: repository.repositoryArn} : {}),
              ...(repository.createdAt ? {createdAt: repository.createdAt.toISOString()} : {}),
            });
          }
          nextToken = page.nextToken === '' ? undefined : page.nextToken;
        } while (nextToken !== undefined);
      } catch (error) {
        throw describeAwsError(error, {service: 'ecr', operation: 'DescribeRepositories', ...target});
      }
      return repositories.sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
