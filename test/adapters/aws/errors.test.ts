import {describe, expect, test} from 'vitest';
import {describeAwsError} from '../../../source/adapters/aws/errors.js';
import type {AwsErrorContext} from '../../../source/adapters/aws/errors.js';
import {AwsError, CliError, EXIT} from '../../../source/errors.js';

const context: AwsErrorContext = {service: 'ecs', operation: 'CreateService', region: 'eu-west-1', endpoint: 'https://ecs.eu-west-1.amazonaws.com'};

/** An error shaped like the SDK's service exceptions: name, message, $fault, $metadata. */
function serviceError(name: string, message: string, metadata: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: {httpStatusCode: 400, requestId: 'req-1', attempts: 1, totalRetryDelay: 0, ...metadata},
  });
}

/** A Node system error as the SDK rethrows it: code, syscall, plus $metadata. */
function systemError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), {code, errno: -111, syscall: 'connect', $metadata: {attempts: 3, totalRetryDelay: 30}, ...extra});
}

describe('describeAwsError', () => {
  test.each([
    {
      case: 'CredentialsProviderError',
      error: Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError', tryNextLink: false}),
      message: 'no AWS credentials found (ecs:CreateService)',
      hint: 'run `aws configure` or `aws sso login`, pass --aws-profile, or set AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    },
    {
      case: 'a plain error saying so',
      error: new Error('Could not load credentials from any providers'),
      message: 'no AWS credentials found (ecs:CreateService)',
      hint: 'run `aws configure` or `aws sso login`, pass --aws-profile, or set AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    },
    {
      case: 'an expired SSO session',
      error: Object.assign(
        new Error(
          'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
        ),
        {name: 'CredentialsProviderError'},
      ),
      message: 'AWS credentials expired (ecs:CreateService)',
      hint: 'run `aws sso login` and try again',
    },
    {
      case: 'ExpiredTokenException',
      error: serviceError('ExpiredTokenException', 'The security token included in the request is expired'),
      message: 'AWS credentials expired (ecs:CreateService)',
      hint: 'run `aws sso login` (or refresh your credentials) and try again',
    },
    {
      case: 'ExpiredToken (query protocol: IAM, STS)',
      error: serviceError('ExpiredToken', 'The security token included in the request is expired'),
      message: 'AWS credentials expired (ecs:CreateService)',
      hint: 'run `aws sso login` (or refresh your credentials) and try again',
    },
    {
      case: 'UnrecognizedClientException',
      error: serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
      message: 'AWS rejected the credentials (ecs:CreateService: UnrecognizedClientException)',
      hint: 'check AWS_PROFILE / AWS_ACCESS_KEY_ID, or run `aws configure` / `aws sso login`',
    },
  ])('credentials: $case', ({error, message, hint}) => {
    const mapped = describeAwsError(error, context);
    expect(mapped).toBeInstanceOf(CliError);
    expect({message: mapped.message, hint: mapped.hint, exitCode: mapped.exitCode}).toEqual({message, hint, exitCode: EXIT.failed});
  });

  test('the profile goes into the sso hint', () => {
    const error = Object.assign(new Error('Token is expired. To refresh this SSO session run aws sso login'), {name: 'TokenProviderError'});
    expect(describeAwsError(error, {...context, profile: 'prod'}).hint).toBe('run `aws sso login --profile prod` and try again');
  });

  test.each([
    {
      case: 'ECONNREFUSED at an overridden loopback endpoint',
      error: systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9', {address: '127.0.0.1', port: 9}),
      context: {...context, endpoint: 'http://127.0.0.1:9'},
      message: 'cannot reach AWS at http://127.0.0.1:9 (ecs:CreateService: ECONNREFUSED, 3 attempts)',
      hint: 'is the local endpoint running? (--endpoint-url / AWS_ENDPOINT_URL)',
    },
    {
      case: 'ENOTFOUND at the regional host',
      error: systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND ecs.eu-west-1.amazonaws.com', {syscall: 'getaddrinfo', hostname: 'ecs.eu-west-1.amazonaws.com'}),
      context,
      message: 'cannot reach AWS at https://ecs.eu-west-1.amazonaws.com (ecs:CreateService: ENOTFOUND, 3 attempts)',
      hint: 'check your network connection, proxy and region',
    },
    {
      case: 'ETIMEDOUT, no endpoint in the context: the host from the error',
      error: systemError('ETIMEDOUT', 'connect ETIMEDOUT 10.1.2.3:443', {address: '10.1.2.3', port: 443, $metadata: {attempts: 1}}),
      context: {service: 'ecs', operation: 'ListClusters', region: 'us-east-1'},
      message: 'cannot reach AWS at 10.1.2.3:443 (ecs:ListClusters: ETIMEDOUT)',
      hint: 'check your network connection, proxy and region',
    },
    {
      case: "the handler's TimeoutError, nothing else known: the regional host",
      error: Object.assign(
        new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 2000 ms.'),
        {name: 'TimeoutError'},
      ),
      context: {service: 'ecs', operation: 'ListClusters', region: 'us-east-1'},
      message: 'cannot reach AWS at ecs.us-east-1.amazonaws.com (ecs:ListClusters: TimeoutError)',
      hint: 'check your network connection, proxy and region',
    },
  ])('unreachable: $case', ({error, context: where, message, hint}) => {
    const mapped = describeAwsError(error, where);
    expect({message: mapped.message, hint: mapped.hint, exitCode: mapped.exitCode}).toEqual({message, hint, exitCode: EXIT.failed});
  });

  test.each([
    {
      case: 'AccessDeniedException names the denied action from the message',
      error: serviceError(
        'AccessDeniedException',
        'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      ),
      message: 'access denied: not allowed to perform iam:PassRole',
    },
    {
      case: 'AccessDenied without an action in the message: the operation',
      error: serviceError('AccessDenied', ''),
      message: 'access denied: not allowed to perform ecs:CreateService',
    },
    {
      case: 'UnauthorizedOperation (EC2)',
      error: Object.assign(serviceError('UnauthorizedOperation', 'You are not authorized to perform this operation.'), {Code: 'UnauthorizedOperation'}),
      message: 'access denied: not allowed to perform ecs:CreateService',
    },
  ])('access denied: $case', ({error, message}) => {
    expect(describeAwsError(error, context).message).toBe(message);
  });

  test('the hint of access denied quotes AWS', () => {
    const error = serviceError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: ecs:CreateService on resource: *');
    expect(describeAwsError(error, context).hint).toBe(
      'ask for ecs:CreateService to be allowed for your role or user (AWS said: User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform: ecs:CreateService on resource: *)',
    );
  });

  test.each(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded'])('throttling: %s', (name) => {
    const mapped = describeAwsError(serviceError(name, 'Rate exceeded', {attempts: 3}), context);
    expect({message: mapped.message, hint: mapped.hint}).toEqual({
      message: 'AWS is throttling requests (ecs:CreateService) after 3 attempts',
      hint: 'wait a moment and try again',
    });
  });

  test('anything else: the service message and the error name, the request id in the hint', () => {
    const mapped = describeAwsError(serviceError('ClusterNotFoundException', 'Cluster not found.'), context);
    expect({message: mapped.message, hint: mapped.hint, exitCode: mapped.exitCode}).toEqual({
      message: 'ecs:CreateService failed: Cluster not found. (ClusterNotFoundException)',
      hint: 'AWS request id: req-1',
      exitCode: EXIT.failed,
    });
  });

  test('an error code different from the name is shown too', () => {
    const error = Object.assign(new Error('Invalid parameter'), {name: 'InvalidParameterException', code: 'ValidationError'});
    expect(describeAwsError(error, context).message).toBe('ecs:CreateService failed: Invalid parameter (InvalidParameterException, ValidationError)');
  });

  test('a non-error value', () => {
    const mapped = describeAwsError('boom', context);
    expect(mapped.message).toBe('ecs:CreateService failed: boom (Error)');
    expect(mapped.hint).toBeUndefined();
  });

  test('the SDK\'s "Region is missing" becomes the no-region usage error', () => {
    const mapped = describeAwsError(new Error('Region is missing'), {service: 'ecs', operation: 'ListClusters'});
    expect({message: mapped.message, exitCode: mapped.exitCode}).toEqual({message: 'no AWS region: pass --region or set AWS_REGION', exitCode: EXIT.usage});
  });

  test('a CliError passes through; the original error is kept as the cause', () => {
    const already = new CliError('already mapped');
    expect(describeAwsError(already, context)).toBe(already);
    const original = serviceError('ThrottlingException', 'Rate exceeded');
    expect(describeAwsError(original, context).cause).toBe(original);
  });
});

describe('the kind of an AWS failure, for operations that react to it', () => {
  test.each([
    [Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}), 'credentials'],
    [systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), 'unreachable'],
    [serviceError('AccessDeniedException', 'User: x is not authorized to perform: ecs:CreateService'), 'access-denied'],
    [serviceError('ThrottlingException', 'Rate exceeded'), 'throttled'],
    [serviceError('ClusterNotFoundException', 'Cluster not found.'), 'not-found'],
    [serviceError('NoSuchEntity', 'The role with name x cannot be found.'), 'not-found'],
    [serviceError('InvalidParameterException', 'Invalid parameter'), 'invalid'],
    [serviceError('ServerException', 'boom'), 'other'],
    [serviceError('ServerException', 'boom', {httpStatusCode: 500}), 'other'],
    [serviceError('UnknownOperationException', '', {httpStatusCode: 400}), 'unsupported'],
    [serviceError('InternalFailure', "API action 'ListServiceDeployments' for service 'ecs' not yet implemented", {httpStatusCode: 501}), 'unsupported'],
  ])('%s → %s', (error, kind) => {
    const mapped = describeAwsError(error, context);
    expect(mapped).toBeInstanceOf(AwsError);
    expect((mapped as AwsError).kind).toBe(kind);
  });
});

describe('an operation the endpoint does not implement', () => {
  test("moto's answer (HTTP 500, an HTML page the SDK cannot read) is 'unsupported', naming the endpoint and the operation", () => {
    // As @aws-sdk/client-ecs throws it for moto 5.2.1's ListServiceDeployments.
    const error = Object.assign(
      new SyntaxError(
        'Unexpected token \'<\', "<!doctype "... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
      ),
      {$metadata: {httpStatusCode: 500, attempts: 3, totalRetryDelay: 37}},
    );
    const mapped = describeAwsError(error, {service: 'ecs', operation: 'ListServiceDeployments', endpoint: 'http://127.0.0.1:5000', mayBeMissing: true});
    expect(mapped).toMatchObject({
      kind: 'unsupported',
      message: 'http://127.0.0.1:5000 does not implement ecs:ListServiceDeployments (HTTP 500 without an AWS error response)',
    });
    // For an operation every endpoint has, the same page is moto crashing on bad input: a failure like any other.
    const crashed = describeAwsError(error, {service: 'ecs', operation: 'RegisterTaskDefinition', endpoint: 'http://127.0.0.1:5000'});
    expect(crashed).toMatchObject({kind: 'other', message: expect.stringMatching(/^ecs:RegisterTaskDefinition failed: /)});
  });

  test('an unreadable body with another status is not taken for it', () => {
    const error = Object.assign(new SyntaxError('Unexpected token'), {$metadata: {httpStatusCode: 502}});
    expect((describeAwsError(error, {...context, mayBeMissing: true}) as AwsError).kind).toBe('other');
  });
});
