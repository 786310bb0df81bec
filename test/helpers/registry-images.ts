/**
 * Images with chosen dates and platforms, pushed to the loopback docker-registry over the HTTP API (no docker
 * daemon): a config blob with `created`/`os`/`architecture`, a layer, a manifest; and multi-platform indexes (OCI
 * image index or Docker manifest list) over such manifests, optionally with a buildx-style attestation manifest
 * (`unknown/unknown`), which is not a platform.
 */
import {createHash} from 'node:crypto';
import {gzipSync} from 'node:zlib';
import {uploadBlob} from './docker-registry.js';

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

export interface PlatformImage {
  /** ISO-8601, the config's `created`; omitted from the config when undefined. */
  created?: string;
  os?: string;
  architecture: string;
  variant?: string;
  /** Makes the content (and so the digests) differ. */
  seed: string;
}

export interface PushedManifest {
  digest: string;
  mediaType: string;
  size: number;
}

async function putManifest(url: string, repository: string, reference: string, mediaType: string, body: Buffer): Promise<void> {
  const put = await fetch(`${url}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: {'content-type': mediaType},
    body,
    signal: AbortSignal.timeout(60_000),
  });
  if (put.status !== 201) throw new Error(`put manifest ${repository}:${reference}: HTTP ${put.status} ${await put.text()}`);
  await put.body?.cancel();
}

/** Pushes one single-platform image (OCI manifest) and puts it under each tag (in the order given); returns its manifest. */
export async function pushPlatformImage(url: string, repository: string, image: PlatformImage, tags: string[] = []): Promise<PushedManifest> {
  const raw = Buffer.from(`layer of ${image.seed}\n`);
  const layer = gzipSync(raw);
  const layerDigest = await uploadBlob(url, repository, layer, {});
  const config = Buffer.from(
    JSON.stringify({
      ...(image.created === undefined ? {} : {created: image.created}),
      architecture: image.architecture,
      os: image.os ?? 'linux',
      ...(image.variant === undefined ? {} : {variant: image.variant}),
      config: {Labels: {seed: image.seed}},
      rootfs: {type: 'layers', diff_ids: [sha256(raw)]},
    }),
  );
  const configDigest = await uploadBlob(url, repository, config, {});
  const mediaType = 'application/vnd.oci.image.manifest.v1+json';
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: {mediaType: 'application/vnd.oci.image.config.v1+json', size: config.length, digest: configDigest},
      layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: layer.length, digest: layerDigest}],
    }),
  );
  const digest = sha256(manifest);
  await putManifest(url, repository, digest, mediaType, manifest);
  for (const tag of tags) await putManifest(url, repository, tag, mediaType, manifest);
  return {digest, mediaType, size: manifest.length};
}

/**
 * Pushes an index over single-platform images (each pushed first) and puts it under each tag. `format: 'docker'`
 * writes a Docker manifest list instead of an OCI index; `attestation` adds an `unknown/unknown` manifest.
 */
export async function pushIndex(
  url: string,
  repository: string,
  images: PlatformImage[],
  tags: string[],
  options: {format?: 'oci' | 'docker'; attestation?: boolean} = {},
): Promise<string> {
  const entries = [];
  for (const image of images) {
    const pushed = await pushPlatformImage(url, repository, image);
    entries.push({
      mediaType: pushed.mediaType,
      size: pushed.size,
      digest: pushed.digest,
      platform: {architecture: image.architecture, os: image.os ?? 'linux', ...(image.variant === undefined ? {} : {variant: image.variant})},
    });
  }
  if (options.attestation === true) {
    const attestation = await pushPlatformImage(url, repository, {architecture: 'unknown', os: 'unknown', seed: `attestation of ${tags.join(',')}`});
    entries.push({mediaType: attestation.mediaType, size: attestation.size, digest: attestation.digest, platform: {architecture: 'unknown', os: 'unknown'}});
  }
  const docker = options.format === 'docker';
  const mediaType = docker ? 'application/vnd.docker.distribution.manifest.list.v2+json' : 'application/vnd.oci.image.index.v1+json';
  const index = Buffer.from(JSON.stringify({schemaVersion: 2, mediaType, manifests: entries}));
  for (const tag of tags) await putManifest(url, repository, tag, mediaType, index);
  return sha256(index);
}
