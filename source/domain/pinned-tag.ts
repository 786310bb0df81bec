/**
 * Pinning a tag to its digest from a tag picker (the wizard's, "Run a saved profile"'s): the reference
 * `1.4.2@sha256:…` that `--pin-digest` records — the control plane's own `repo:tag@digest` form: the agent pulls by
 * the digest, the console still shows the tag — and the words the pickers show for it. Pure.
 */
import {isValidTag} from './image.js';
import {shortDigest} from './tag-text.js';

/** `1.4.2@sha256:…` for a listed tag with a digest; undefined when there is nothing to pin (no digest, a digest already). */
export function pinnedReference(tag: {tag: string; digest?: string}): string | undefined {
  if (tag.digest === undefined || tag.tag.includes('@') || tag.tag.startsWith('sha256:')) return undefined;
  const reference = `${tag.tag}@${tag.digest}`;
  return isValidTag(reference) ? reference : undefined;
}

/** `1.4.2 pinned to sha256:e54fc609f724`: a pinned choice's label. */
export const pinnedLabel = (tag: {tag: string; digest?: string}): string => `${tag.tag} pinned to ${shortDigest(tag.digest)}`;

/** The wizard picker's row under a tag: a short label (the tags' column keeps its width), the reference in the detail. */
export const PINNED_ROW_LABEL = '↳ pinned';
export const pinnedRowDetail = (tag: {tag: string; digest?: string}): string => `${tag.tag}@${shortDigest(tag.digest)}: these bytes, even if ${tag.tag} moves`;

/** What pinning does, said where it is offered. */
export const pinnedDetail = (tag: {tag: string}): string => `the bytes ${tag.tag} points to now, even if ${tag.tag} moves later`;
