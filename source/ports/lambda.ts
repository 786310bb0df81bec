/**
 * AWS Lambda as the lifecycle hooks of a deployment need it: which functions exist. Implemented by
 * adapters/aws/lambda.ts. Errors: AwsError; a function that does not exist is undefined.
 */
export interface LambdaFunction {
  arn: string;
  name: string;
  runtime?: string;
  description?: string;
}

export interface LambdaPort {
  readonly region: string;
  /** Every function (every page), by name. */
  listFunctions(): Promise<LambdaFunction[]>;
  /** A function by name or ARN (a qualified ARN names a version or alias). */
  getFunction(nameOrArn: string): Promise<LambdaFunction | undefined>;
}
