/**
 * RegistryPort for Amazon ECR artifacts, through the SDK (DescribeImages) rather than the v2 API: the AWS
 * credentials are used (no registry password), and push dates are known, so tags come newest first.
 *
 * The registry host `123456789012.dkr.ecr.eu-west-1.amazonaws.com` gives the account (registryId) and the region.
 */
import type {ECRClient} from '@aws-sdk/client-ecr';
import type {ArtifactSource} from '../../domain/model.js';
import {AwsError, type AwsErrorKind} from '../../errors.js';
import {isJsonObject} from '../../domain/json.js';
import {formatPlatform, indexPlatforms} from '../../domain/platforms.js';
import {RegistryError, type RegistryCallOptions, type RegistryFailureKind, type RegistryPort, type RegistryTag, type TagCheck} from '../../ports/registry.js';
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

const ACCEPTED_MANIFESTS = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** An image config fetched from the URL ECR hands out (GetDownloadUrlForLayer): bounded, undefined when it cannot be read. */
async function fetchConfig(url: string, signal: AbortSignal | undefined): Promise<unknown> {
  try {
    const timeout = AbortSignal.timeout(20_000);
    const response = await fetch(url, {signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout])});
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** `aws` gives the client factory (its region is used when the host names none). */
export function createEcrRegistryPort(aws: () => AwsClientFactory | Promise<AwsClientFactory>): RegistryPort {
  /** Platforms by `repository@digest`, for the program's run (a digest's manifest never changes). */
  const platformCache = new Map<string, Promise<string[] | undefined>>();
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

  type Context = Awaited<ReturnType<typeof context>>;

  /**
   * The platforms of an image: an index's / manifest list's `manifests[].platform`; for a single manifest its config
   * blob (GetDownloadUrlForLayer, then the URL) — undefined when that cannot be read (moto does not implement it).
   */
  async function platformsOf(ecr: Context, digests: string[], signal: AbortSignal | undefined): Promise<Map<string, string[] | undefined>> {
    const wanted = [...new Set(digests)].filter((digest) => !platformCache.has(`${ecr.repositoryName}@${digest}`));
    for (let start = 0; start < wanted.length; start += 100) {
      const batch = wanted.slice(start, start + 100);
      const read = ecr
        .call('BatchGetImage', () =>
          ecr.client.send(
            new ecr.sdk.BatchGetImageCommand({
              registryId: ecr.registryId,
              repositoryName: ecr.repositoryName,
              imageIds: batch.map((imageDigest) => ({imageDigest})),
              acceptedMediaTypes: ACCEPTED_MANIFESTS,
            }),
            {abortSignal: signal},
          ),
        )
        .then((result) => new Map((result.images ?? []).map((image) => [image.imageId?.imageDigest ?? '', image.imageManifest ?? ''])));
      for (const digest of batch) {
        const key = `${ecr.repositoryName}@${digest}`;
        const platforms = read.then(async (manifests) => {
          let body: unknown;
          try {
            body = JSON.parse(manifests.get(digest) ?? '');
          } catch {
            return undefined;
          }
          if (!isJsonObject(body)) return undefined;
          if (Array.isArray(body['manifests'])) return indexPlatforms(body);
          const config = isJsonObject(body['config']) && typeof body['config']['digest'] === 'string' ? body['config']['digest'] : undefined;
          if (config === undefined) return undefined;
          try {
            const download = await ecr.client.send(
              new ecr.sdk.GetDownloadUrlForLayerCommand({registryId: ecr.registryId, repositoryName: ecr.repositoryName, layerDigest: config}),
              {abortSignal: signal},
            );
            const blob = download.downloadUrl === undefined ? undefined : await fetchConfig(download.downloadUrl, signal);
            const platform = isJsonObject(blob) ? formatPlatform(blob) : undefined;
            return platform === undefined ? undefined : [platform];
          } catch {
            return undefined;
          }
        });
        platformCache.set(key, platforms);
        platforms.catch(() => platformCache.get(key) === platforms && platformCache.delete(key));
      }
    }
    const result = new Map<string, string[] | undefined>();
    for (const digest of digests) result.set(digest, await platformCache.get(`${ecr.repositoryName}@${digest}`));
    return result;
  }

  async function withPlatforms(ecr: Context, tags: RegistryTag[], options: RegistryCallOptions): Promise<RegistryTag[]> {
    const digests = tags.map((tag) => tag.digest).filter((digest): digest is string => digest !== undefined);
    const platforms = await platformsOf(ecr, digests, options.signal);
    return tags.map((tag) => {
      const found = tag.digest === undefined ? undefined : platforms.get(tag.digest);
      return found === undefined ? tag : {...tag, platforms: found};
    });
  }

  const port: RegistryPort = {
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

    async describeTags(artifact, tags, options = {}) {
      try {
        const ecr = await context(artifact);
        const found: RegistryTag[] = [];
        for (const tag of tags) {
          const reference = tag.includes('@') ? tag.slice(tag.indexOf('@') + 1) : tag;
          const imageId = DIGEST.test(reference) ? {imageDigest: reference} : {imageTag: reference};
          let result;
          try {
            result = await ecr.call('DescribeImages', () =>
              ecr.client.send(new ecr.sdk.DescribeImagesCommand({registryId: ecr.registryId, repositoryName: ecr.repositoryName, imageIds: [imageId]}), {
                abortSignal: options.signal,
              }),
            );
          } catch (error) {
            // A tag that is not there is left out; any other failure is the answer.
            if (error instanceof AwsError && (error.awsName === 'ImageNotFoundException' || error.awsName === 'InvalidParameterException')) continue;
            throw error;
          }
          const image = result.imageDetails?.[0];
          if (image === undefined) continue;
          found.push({
            tag,
            ...(image.imagePushedAt === undefined ? {} : {pushedAt: image.imagePushedAt.toISOString()}),
            ...(image.imageDigest === undefined ? {} : {digest: image.imageDigest}),
          });
        }
        return await withPlatforms(ecr, found, options);
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason;
        throw registryError(error);
      }
    },

    async datedTags(artifact, options = {}) {
      const listed = await port.listTags(artifact, options);
      const page = options.limit === undefined ? listed.tags : listed.tags.slice(0, options.limit);
      try {
        return {tags: await withPlatforms(await context(artifact), page, options), newestFirst: true};
      } catch (error) {
        if (options.signal?.aborted === true) throw options.signal.reason;
        throw registryError(error);
      }
    },
  };
  return port;
}
