/** CloudFormationPort on the AWS SDK v3: stacks and their outputs (ListStacks / DescribeStacks). */
import type {CloudFormationClient, StackStatus} from '@aws-sdk/client-cloudformation';
import {AwsError} from '../../errors.js';
import type {CloudFormationPort, ProvisionerOutputs, StackSummary} from '../../ports/provisioners.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

/** Every status but the deleted one. */
const LIVE_STATUSES: StackStatus[] = [
  'CREATE_IN_PROGRESS',
  'CREATE_FAILED',
  'CREATE_COMPLETE',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_FAILED',
  'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
  'REVIEW_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_COMPLETE',
];

export async function createCloudFormationPort(factory: AwsClientFactory): Promise<CloudFormationPort> {
  const client: CloudFormationClient = await factory.client('cloudformation');
  const sdk = await import('@aws-sdk/client-cloudformation');
  const target = await factory.target('cloudformation');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'cloudformation', operation, ...target});
    }
  }

  return {
    region: target.region,
    async listStacks() {
      const stacks: StackSummary[] = [];
      let NextToken: string | undefined;
      do {
        const page = await call('ListStacks', () => client.send(new sdk.ListStacksCommand({StackStatusFilter: LIVE_STATUSES, NextToken})));
        for (const stack of page.StackSummaries ?? []) stacks.push({name: stack.StackName ?? '', status: stack.StackStatus ?? ''});
        NextToken = page.NextToken === '' ? undefined : page.NextToken;
      } while (NextToken !== undefined);
      return stacks.sort((a, b) => a.name.localeCompare(b.name));
    },
    async stackOutputs(stack) {
      try {
        const result = await call('DescribeStacks', () => client.send(new sdk.DescribeStacksCommand({StackName: stack})));
        const found = result.Stacks?.[0];
        if (found === undefined) return undefined;
        const outputs: ProvisionerOutputs = {};
        for (const output of found.Outputs ?? []) {
          if (output.OutputKey !== undefined && output.OutputValue !== undefined) outputs[output.OutputKey] = output.OutputValue;
        }
        return outputs;
      } catch (error) {
        // CloudFormation answers a missing stack with a ValidationError "Stack with id X does not exist".
        if (error instanceof AwsError && /does not exist/i.test(error.message)) return undefined;
        throw error;
      }
    },
  };
}
