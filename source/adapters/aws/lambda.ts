/** LambdaPort on the AWS SDK v3 (ListFunctions every page, GetFunction). Errors become AwsError; a missing function is undefined. */
import type {FunctionConfiguration, LambdaClient} from '@aws-sdk/client-lambda';
import {AwsError} from '../../errors.js';
import type {LambdaFunction, LambdaPort} from '../../ports/lambda.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

const functionOf = (configuration: FunctionConfiguration): LambdaFunction => ({
  arn: configuration.FunctionArn ?? '',
  name: configuration.FunctionName ?? '',
  ...(configuration.Runtime === undefined ? {} : {runtime: configuration.Runtime}),
  ...(configuration.Description === undefined || configuration.Description === '' ? {} : {description: configuration.Description}),
});

export async function createLambdaPort(factory: AwsClientFactory): Promise<LambdaPort> {
  const client: LambdaClient = await factory.client('lambda');
  const sdk = await import('@aws-sdk/client-lambda');
  const target = await factory.target('lambda');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'lambda', operation, ...target});
    }
  }

  return {
    region: target.region,
    async listFunctions() {
      const functions: LambdaFunction[] = [];
      let Marker: string | undefined;
      do {
        const page = await call('ListFunctions', () => client.send(new sdk.ListFunctionsCommand({Marker})));
        functions.push(...(page.Functions ?? []).map(functionOf));
        Marker = page.NextMarker === '' ? undefined : page.NextMarker;
      } while (Marker !== undefined);
      return functions.sort((a, b) => a.name.localeCompare(b.name));
    },
    async getFunction(nameOrArn) {
      try {
        const result = await call('GetFunction', () => client.send(new sdk.GetFunctionCommand({FunctionName: nameOrArn})));
        return result.Configuration === undefined ? undefined : functionOf(result.Configuration);
      } catch (error) {
        if (error instanceof AwsError && error.kind === 'not-found') return undefined;
        throw error;
      }
    },
  };
}
