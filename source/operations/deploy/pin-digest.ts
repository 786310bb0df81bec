/**
 * Pin by digest: a tag is resolved to the digest it points to now and deployed as `tag@sha256:…`, so that a re-run
 * of the profile deploys the same bytes even if the tag moved. The profile keeps `tag@digest` as its tag (a
 * deployed run makes its tag the profile's: run-record.ts); the image renders as `repo:tag@sha256:…` — the form ECS
 * itself writes when it resolves a tag (its agent pulls by the digest; Docker ignores the tag beside a digest) — so
 * the console still shows which tag it was.
 *
 * `movedTag` tells the diff whether a pinned tag points elsewhere now.
 */
import {isDigest} from '../../domain/image.js';
import {CliError, InputError} from '../../errors.js';
import type {ArtifactSource} from '../../domain/model.js';
import type {RegistryPort} from '../../ports/registry.js';

/** `1.4@sha256:…` → {name: '1.4', digest}; `1.4` → {name: '1.4'}; `sha256:…` → {digest}. */
export function splitPinned(tag: string): {name?: string; digest?: string} {
  const at = tag.indexOf('@');
  if (at !== -1) return {name: tag.slice(0, at), digest: tag.slice(at + 1)};
  return isDigest(tag) ? {digest: tag} : {name: tag};
}

/**
 * The tag to deploy, pinned: `name@digest` with the digest `name` points to now (a tag already pinned is pinned
 * again to where its name points now; a bare digest is already pinned). InputError (exit 2) when the tag is not
 * in the registry; CliError (exit 1) when the registry cannot say or gives no digest — nothing is deployed then.
 */
export async function pinTag(registry: RegistryPort, artifact: ArtifactSource, tag: string, options: {password?: string} = {}): Promise<string> {
  const {name, digest} = splitPinned(tag);
  if (name === undefined) return digest!;
  const check = await registry.tagExists(artifact, name, options.password === undefined || options.password === '' ? {} : {password: options.password});
  if (check.status === 'missing')
    throw new InputError(
      `cannot pin tag ${name}: it is not in ${artifact.image}${check.reason ? ` (${check.reason})` : ''}`,
      'give a tag that exists (ecs-wizard tags lists them)',
    );
  if (check.status === 'unknown')
    throw new CliError(`cannot pin tag ${name}: ${check.reason}`, {
      hint: 'nothing was deployed; try again when the registry answers, or deploy without --pin-digest',
    });
  if (check.digest === undefined) throw new CliError(`cannot pin tag ${name}: the registry did not give its digest`, {hint: 'deploy without --pin-digest'});
  return `${name}@${check.digest}`;
}

/** A pinned tag whose name points to another digest now. */
export type TagMovement =
  | {status: 'same'; name: string; digest: string}
  | {status: 'moved'; name: string; pinned: string; now: string}
  /** The tag is gone from the registry. */
  | {status: 'gone'; name: string; pinned: string}
  | {status: 'unknown'; name: string; pinned: string; reason: string};

/** For a pinned `name@digest`: where `name` points now. Undefined for a tag that is not pinned (or a bare digest). */
export async function movedTag(
  registry: RegistryPort,
  artifact: ArtifactSource,
  tag: string,
  options: {password?: string} = {},
): Promise<TagMovement | undefined> {
  const {name, digest} = splitPinned(tag);
  if (name === undefined || digest === undefined) return undefined;
  const check = await registry.tagExists(artifact, name, options.password === undefined || options.password === '' ? {} : {password: options.password});
  if (check.status === 'missing') return {status: 'gone', name, pinned: digest};
  if (check.status === 'unknown' || check.digest === undefined)
    return {status: 'unknown', name, pinned: digest, reason: check.status === 'unknown' ? check.reason : 'the registry did not give its digest'};
  return check.digest === digest ? {status: 'same', name, digest} : {status: 'moved', name, pinned: digest, now: check.digest};
}

const short = (digest: string): string => digest.slice(0, 19);

/** One line for the plan: what a pinned tag's name points to now. */
export function movementLine(movement: TagMovement, profileName: string): string {
  switch (movement.status) {
    case 'same':
      return `pinned: ${movement.name}@${short(movement.digest)}… (the tag ${movement.name} still points there)`;
    case 'moved':
      return `pinned: ${movement.name}@${short(movement.pinned)}… — the tag ${movement.name} moved to ${short(movement.now)}…; this deploy keeps the pinned bytes (ecs-wizard deploy ${profileName} --tag ${movement.name} --pin-digest takes the new ones)`;
    case 'gone':
      return `pinned: ${movement.name}@${short(movement.pinned)}… — the tag ${movement.name} is no longer in the registry; the pinned digest is deployed`;
    case 'unknown':
      return `pinned: ${movement.name}@${short(movement.pinned)}… (could not check where ${movement.name} points now: ${movement.reason})`;
  }
}
