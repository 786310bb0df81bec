/** 3. The default tag, picked from the registry's tags (only the default: every run asks again). */
import {formatImage, isValidTag} from '../../../domain/image.js';
import {tagDetailLine} from '../../../domain/tag-text.js';
import {PINNED_ROW_LABEL, pinnedReference, pinnedRowDetail} from '../../../domain/pinned-tag.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {artifactOf} from '../artifact.js';
import type {Choice, Question} from '../question.js';

export function checkTag(text: string): Checked<string> {
  const tag = text.trim();
  if (tag === '') return bad('Give a tag, e.g. latest or 1.4.2 (it is only the default: every run asks again)');
  if (!isValidTag(tag)) return bad(`"${tag}" is not a tag (letters, digits, _ . -, up to 128, not starting with . or -) or a digest (sha256:…)`);
  return ok(tag);
}

export const tag: Question = {
  id: 'tag',
  section: 2,
  label: 'Default tag',
  summary: (ctx) => `${ctx.answers.tag ?? ''} (asked again at every run)`,
  help: [
    'The tags are listed newest first with their date, digest and platforms: Docker Hub through its tag API, a private registry through each tag\'s manifest and image config (bearer-token or basic auth), ECR through DescribeImages and BatchGetImage. A moving name (latest, stable) shows the digest it points to now. Type to filter; if the tag you want is not listed, type it and choose "Use …".',
    'Check the platforms: a Fargate task runs linux/amd64 unless its runtimePlatform says ARM64; an image built for another platform stops with "exec format error". The review checks it again.',
    'The tag chosen here is only the default: every run asks for the tag to deploy again.',
    'Under each tag with a digest, "↳ pinned" (TAG@sha256:…) records TAG@sha256:… (as deploy --pin-digest does): the bytes the tag points to now are deployed even after someone pushes the tag again; a moving name such as latest shows the image it is now.',
  ],
  prompt: ({ctx: {answers}, services, password}) => {
    const artifact = artifactOf({...answers, tag: undefined});
    return {
      kind: 'picker',
      label: 'Default image tag',
      hint: 'Only the default: every run asks for the tag to deploy again.',
      what: `tags of ${artifact ? formatImage(artifact) : 'the image'}`,
      load: async () => {
        if (artifact === undefined) return {ok: false, reason: 'the image is not known yet'};
        const listing = await services.tags(artifact, password);
        if (!listing.ok) return listing;
        const now = Date.parse(services.now());
        // tag · date (age) · short digest · platforms; a list of names only (a slow registry) shows no detail.
        const detailed = listing.items.some((found) => found.digest !== undefined || found.pushedAt !== undefined);
        const items: Choice[] = listing.items.flatMap((found) => {
          const row: Choice = {value: found.tag, label: found.tag, detail: detailed ? tagDetailLine(found, now) : ''};
          // Right under each tag with a digest: the same tag pinned to it (recorded as tag@sha256:…, as --pin-digest does).
          const pinned = pinnedReference(found);
          return pinned === undefined ? [row] : [row, {value: pinned, label: PINNED_ROW_LABEL, detail: pinnedRowDetail(found)}];
        });
        return {ok: true, items};
      },
      free: {validate: checkTag, hint: 'a tag, e.g. 1.4.2 or latest'},
      initial: answers.tag,
      submit: ([value]) => ({answers: {...answers, tag: value!}}),
    };
  },
  flags: [{name: 'tag', type: 'string', value: 'TAG', description: 'the default tag (every run asks again)'}],
  fields: {tag: '--tag'},
  fromFlags(draft) {
    const value = draft.take('tag', draft.value('tag'), checkTag);
    if (value !== undefined) draft.answers = {...draft.answers, tag: value};
    // A tag written with --image (nginx:1.27) answers the question too.
    if (draft.answers.tag !== undefined && (value !== undefined || draft.value('image') !== undefined))
      draft.given.tag = value !== undefined ? '--tag' : '--image';
  },
};
