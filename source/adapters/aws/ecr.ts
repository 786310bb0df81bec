/**
 * RegistryPort for Amazon ECR artifacts, through the SDK (DescribeImages) rather than the v2 API: the AWS
 * credentials are used (no registry password), and push dates are known, so tags come newest first.
 *
 * The registry host `123456789012.dkr.ecr.eu-west-1.amazonaws.com` gives the account (registryId) and the region.
 */
import type {ECRClient} from '@aws-sdk/client-ecr';
import type {ArtifactSource} from '../../domain/model.js';
import {AwsError, type AwsErrorKind} from '../../errors.js';
import {RegistryError, type RegistryFailureKind, type RegistryPort, type RegistryTag, type TagCheck} from '../../ports/registry.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

const ECR_HOST = /^([0-9]{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/** `123456789012.dkr.ecr.eu-west-1.amazonaws.com` → {registryId, region}; {} when the host is not an ECR host. */
export function parseEcrHost(host: string): {registryId?: string; region?: string} {
  const match = ECR_HOST.exec(host.trim().toLowerCase());
  return match === null ? {} : {registryId: match[1], region: match[2]};
}

const KINDS: Record<AwsErrorKind, RegistryFailureKind> = {
  credentials: 'auth-required',
  unreachable: 'unreachable',
  'access-denied': 'access-denied',
  throttled: 'throttled',
  'not-found': 'not-found',
  invalid: 'other',
  unsupported: 'other',
  other: 'other',
};

function registryError(error: unknown): RegistryError {
  if (error instanceof RegistryError) return error;
  if (error instanceof AwsError) return new RegistryError(error.message, KINDS[error.kind], {hint: error.hint, cause: error});
  const message = error instanceof Error ? error.message : String(error);
  return new RegistryError(message, 'other', {cause: error});
}

const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** `aws` gives the client factory (its region is used when the host names none). */
export function createEcrRegistryPort(aws: () => AwsClientFactory | Promise<AwsClientFactory>): RegistryPort {
  async function context(artifact: ArtifactSource) {
    const {registryId, region} = parseEcrHost(artifact.host);
    const base = await aws();
    const factory = region === undefined ? base : base.forRegion(region);
    const client: ECRClient = await factory.client('ecr');
    const sdk = await import('@aws-sdk/client-ecr');
    const target = await factory.target('ecr');
    async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
      try {
        return await send();
      } catch (error) {
        throw describeAwsError(error, {service: 'ecr', operation, ...target});
      }
    }
    return {client, sdk, call, registryId, repositoryName: artifact.image};
  }

  return {
    async listTags(artifact, options = {}) {
      try {
        const {client, sdk, call, registryId, repositoryName} = await context(artifact);
        const tags: RegistryTag[] = [];
        let nextToken: string | undefined;
        do {
          const page = await call('DescribeImages', () =>
            client.send(new sdk.DescribeImagesCommand({registryId, repositoryName, nextToken, filter: {tagStatus: 'TAGGED'}}), {abortSignal: options.signal}),
          );
          for (const image of page.imageDetails ?? []) {
            for (const tag of image.imageTags ?? []) {
              tags.push({tag, pushedAt: image.imagePushedAt?.toISOString(), digest: image.imageDigest});
            }
          }
          nextToken = page.nextToken === '' ? undefined : page.nextToken;
        } while (nextToken !== undefined);
        // Newest push first; tags of one image (same date) in name order.
        tags.sort((a, b) => (b.pushedAt ?? '').localeCompare(a.pushedAt ?? '') || a.tag.localeCompare(b.tag));
        return {tags, newestFirst: true};
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason;
        const failure = registryError(error);
        if (error instanceof AwsError && error.awsName === 'RepositoryNotFoundException') {
          throw new RegistryError(`ECR repository ${artifact.image} not found`, 'not-found', {cause: error});
        }
        throw failure;
      }
    },

    async tagExists(artifact, tag, options = {}): Promise<TagCheck> {
      const reference = tag.includes('@') ? tag.slice(tag.indexOf('@') + 1) : tag;
      try {
        const {client, sdk, call, registryId, repositoryName} = await context(artifact);
        const imageId = DIGEST.test(reference) ? {imageDigest: reference} : {imageTag: reference};
        const result = await call('DescribeImages', () =>
          client.send(new sdk.DescribeImagesCommand({registryId, repositoryName, imageIds: [imageId]}), {abortSignal: options.signal}),
        );
        const image = result.imageDetails?.[0];
        if (image === undefined) return {status: 'missing'};
        return image.imageDigest === undefined ? {status: 'exists'} : {status: 'exists', digest: image.imageDigest};
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason;
        if (error instanceof AwsError) {
          if (error.awsName === 'ImageNotFoundException') return {status: 'missing'};
          if (error.awsName === 'RepositoryNotFoundException') return {status: 'missing', reason: `ECR repository ${artifact.image} not found`};
          if (error.awsName === 'InvalidParameterException') return {status: 'missing', reason: `not a valid tag: ${tag}`};
        }
        const failure = registryError(error);
        return {status: 'unknown', kind: failure.kind, reason: failure.message};
      }
    },

    async anonymousAccess() {
      return {status: 'closed', reason: 'Amazon ECR authenticates every pull with IAM (the execution role needs ecr:GetAuthorizationToken, ecr:BatchGetImage)'};
    },
  };
}
