/**
 * Maps what the AWS SDK throws to a CliError a user can act on: one line, a hint, never a stack trace.
 * Pure: it only reads the error's fields (name, code, message, $metadata), so it is tested with plain objects.
 */
import {AwsError, CliError, EXIT, type AwsErrorKind} from '../../errors.js';

export interface AwsErrorContext {
  /** The IAM action prefix of the service: `ecs`, `iam`, `ecr`… (the factory's client name). */
  service: string;
  /** The API operation, e.g. `ListClusters`. */
  operation: string;
  region?: string;
  /** Where the call went (override or default host), for "cannot reach AWS at …". */
  endpoint?: string;
  /** The profile in use, for hints (`aws sso login --profile …`). */
  profile?: string;
  /**
   * The operation is one an endpoint may lack (newer than some emulators): an HTTP 500 the SDK cannot read is then
   * taken for "not implemented" (moto's page for NotImplementedError). Elsewhere it is a server failure like any other,
   * since moto answers its own crashes on bad input with the very same page.
   */
  mayBeMissing?: boolean;
}

interface ErrorFields {
  name: string;
  code: string;
  message: string;
  hostname?: string;
  address?: string;
  port?: number;
  attempts?: number;
  requestId?: string;
  httpStatusCode?: number;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);
const UNREACHABLE_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'NotAuthorized']);
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
]);
/** What an endpoint answers for an operation it does not know: AWS's JSON protocols, query protocols, LocalStack. */
const UNKNOWN_OPERATION = new Set(['UnknownOperationException', 'InvalidAction', 'NotImplemented', 'NotImplementedException']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
const INVALID_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'InvalidAccessKeyId',
]);

function fieldsOf(error: unknown): ErrorFields {
  if (typeof error !== 'object' || error === null) {
    return {name: 'Error', code: '', message: String(error)};
  }
  const record = error as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const metadata = (typeof record.$metadata === 'object' && record.$metadata !== null ? record.$metadata : {}) as Record<string, unknown>;
  const name = text(record.name) ?? 'Error';
  return {
    name,
    // Node system errors carry `code` (ECONNREFUSED); some SDK errors carry `Code`/`code` = the AWS error code.
    code: text(record.code) ?? text(record.Code) ?? '',
    message: text(record.message) ?? text(record.Message) ?? '',
    hostname: text(record.hostname),
    address: text(record.address),
    port: typeof record.port === 'number' ? record.port : undefined,
    attempts: typeof metadata.attempts === 'number' ? metadata.attempts : undefined,
    requestId: text(metadata.requestId),
    httpStatusCode: typeof metadata.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined,
  };
}

/** The action named in an AccessDenied message: "…is not authorized to perform: ecs:CreateService on resource…". */
function deniedAction(message: string): string | undefined {
  return /perform:?\s+([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

function where(fields: ErrorFields, context: AwsErrorContext): string {
  if (context.endpoint !== undefined) return context.endpoint;
  if (fields.hostname !== undefined) return fields.hostname;
  if (fields.address !== undefined) return fields.port === undefined ? fields.address : `${fields.address}:${fields.port}`;
  return `${context.service}.${context.region ?? '<region>'}.amazonaws.com`;
}

/** No region in the options, the environment or the profile: a usage error (exit 2). */
export const noRegionError = (profile?: string, cause?: unknown): CliError =>
  new CliError('no AWS region: pass --region or set AWS_REGION', {
    exitCode: EXIT.usage,
    hint:
      profile === undefined
        ? 'or set a region for your profile: `aws configure set region eu-west-1`'
        : `or set a region for profile ${profile}: \`aws configure set region eu-west-1 --profile ${profile}\``,
    cause,
  });

const sso = (context: AwsErrorContext): string => (context.profile === undefined ? '`aws sso login`' : `\`aws sso login --profile ${context.profile}\``);

const isLocal = (endpoint: string): boolean => /^(https?:\/\/)?(localhost|127\.|\[::1\])/.test(endpoint);

/**
 * Why the endpoint did not answer the operation at all, or undefined when it did: an unknown-operation error; HTTP
 * 501; or, for an operation that may be missing, HTTP 500 whose body is no AWS error document (the SDK cannot read
 * it) — moto's answer to an operation it lacks is its HTML "500 Internal Server Error" page (NotImplementedError).
 */
function notImplemented(fields: ErrorFields, mayBeMissing: boolean): string | undefined {
  if (UNKNOWN_OPERATION.has(fields.name) || UNKNOWN_OPERATION.has(fields.code)) return fields.name;
  if (fields.httpStatusCode === 501) return 'HTTP 501 Not Implemented';
  const unreadable = fields.name === 'SyntaxError' || /Deserialization error/i.test(fields.message);
  if (mayBeMissing && fields.httpStatusCode === 500 && unreadable) return 'HTTP 500 without an AWS error response';
  return undefined;
}

export function describeAwsError(error: unknown, context: AwsErrorContext): CliError {
  if (error instanceof CliError) return error;
  const fields = fieldsOf(error);
  const action = `${context.service}:${context.operation}`;
  const {name, code, message} = fields;
  const fail = (text: string, hint: string | undefined, kind: AwsErrorKind): AwsError =>
    new AwsError(text, {kind, awsName: name, exitCode: EXIT.failed, hint, cause: error});

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || /could not load credentials/i.test(message)) {
    if (/expired|refresh/i.test(message) && /sso|token/i.test(message)) {
      return fail(`AWS credentials expired (${action})`, `run ${sso(context)} and try again`, 'credentials');
    }
    return fail(
      `no AWS credentials found (${action})`,
      `run \`aws configure\` or ${sso(context)}, pass --aws-profile, or set AWS_PROFILE / AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`,
      'credentials',
    );
  }

  if (UNREACHABLE_CODES.has(code) || UNREACHABLE_NAMES.has(name) || UNREACHABLE_NAMES.has(code)) {
    const endpoint = where(fields, context);
    const attempts = fields.attempts !== undefined && fields.attempts > 1 ? `, ${fields.attempts} attempts` : '';
    const hint =
      context.endpoint !== undefined && isLocal(context.endpoint)
        ? 'is the local endpoint running? (--endpoint-url / AWS_ENDPOINT_URL)'
        : 'check your network connection, proxy and region';
    return fail(`cannot reach AWS at ${endpoint} (${action}: ${code || name}${attempts})`, hint, 'unreachable');
  }

  if (message === 'Region is missing') return noRegionError(context.profile, error);

  const unsupported = notImplemented(fields, context.mayBeMissing === true);
  if (unsupported !== undefined) {
    return fail(
      `${where(fields, context)} does not implement ${action} (${unsupported})`,
      'the operation is not available at this endpoint (moto, LocalStack or an older region)',
      'unsupported',
    );
  }

  if (EXPIRED.has(name) || EXPIRED.has(code) || (name === 'RequestExpired' && /token/i.test(message))) {
    return fail(`AWS credentials expired (${action})`, `run ${sso(context)} (or refresh your credentials) and try again`, 'credentials');
  }

  if (INVALID_CREDENTIALS.has(name) || INVALID_CREDENTIALS.has(code)) {
    return fail(
      `AWS rejected the credentials (${action}: ${name})`,
      'check AWS_PROFILE / AWS_ACCESS_KEY_ID, or run `aws configure` / `aws sso login`',
      'credentials',
    );
  }

  if (ACCESS_DENIED.has(name) || ACCESS_DENIED.has(code)) {
    const denied = deniedAction(message) ?? action;
    return fail(
      `access denied: not allowed to perform ${denied}`,
      `ask for ${denied} to be allowed for your role or user${message === '' ? '' : ` (AWS said: ${message})`}`,
      'access-denied',
    );
  }

  if (THROTTLING.has(name) || THROTTLING.has(code)) {
    const attempts = fields.attempts === undefined ? '' : ` after ${fields.attempts} attempts`;
    return fail(`AWS is throttling requests (${action})${attempts}`, 'wait a moment and try again', 'throttled');
  }

  const said = message === '' ? 'no message' : message;
  const label = code !== '' && code !== name ? `${name}, ${code}` : name;
  const kind: AwsErrorKind = /NotFound|NoSuch|DoesNotExist/.test(name) ? 'not-found' : /Invalid|Validation|ClientException/.test(name) ? 'invalid' : 'other';
  return fail(`${action} failed: ${said} (${label})`, fields.requestId === undefined ? undefined : `AWS request id: ${fields.requestId}`, kind);
}
