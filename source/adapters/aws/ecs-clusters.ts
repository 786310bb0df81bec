/** ECS clusters: the first read of the ECS adapter (the full EcsPort comes later). */
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

/** `arn:aws:ecs:us-east-1:123456789012:cluster/web` → `web` (a bare name is returned as is). */
export const clusterNameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** The names of all clusters in the region, in the order ECS lists them (every page of ListClusters). */
export async function listClusters(factory: AwsClientFactory, options: {signal?: AbortSignal} = {}): Promise<string[]> {
  const client = await factory.ecs();
  // Lazy like the client: importing this module does not load the SDK (the package is already loaded here).
  const {ListClustersCommand} = await import('@aws-sdk/client-ecs');
  const names: string[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await client.send(new ListClustersCommand({nextToken}), {abortSignal: options.signal});
      names.push(...(page.clusterArns ?? []).map(clusterNameFromArn));
      nextToken = page.nextToken === '' ? undefined : page.nextToken;
    } while (nextToken !== undefined);
  } catch (error) {
    throw describeAwsError(error, {service: 'ecs', operation: 'ListClusters', ...(await factory.target('ecs'))});
  }
  return names;
}
