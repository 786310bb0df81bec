/**
 * LogsPort on the AWS SDK v3 (CloudWatch Logs). Errors become AwsError.
 */
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {AwsError} from '../../errors.js';
import type {LogsPort} from '../../ports/logs.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

export async function createLogsPort(factory: AwsClientFactory): Promise<LogsPort> {
  const client: CloudWatchLogsClient = await factory.client('logs');
  const sdk = await import('@aws-sdk/client-cloudwatch-logs');
  const target = await factory.target('logs');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'logs', operation, ...target});
    }
  }

  return {
    async logGroupExists(name) {
      // DescribeLogGroups matches by prefix: page until the exact name shows up (or the prefix runs out).
      let nextToken: string | undefined;
      do {
        const page = await call('DescribeLogGroups', () => client.send(new sdk.DescribeLogGroupsCommand({logGroupNamePrefix: name, nextToken})));
        if ((page.logGroups ?? []).some((group) => group.logGroupName === name)) return true;
        nextToken = page.nextToken === '' ? undefined : page.nextToken;
      } while (nextToken !== undefined);
      return false;
    },

    async createLogGroup(name) {
      try {
        await call('CreateLogGroup', () => client.send(new sdk.CreateLogGroupCommand({logGroupName: name})));
      } catch (error) {
        if (error instanceof AwsError && error.awsName === 'ResourceAlreadyExistsException') return;
        throw error;
      }
    },
  };
}
