/** 3. The image path inside the registry (--image; for ECR, --image gives the repository). */
import type {RegistryKind} from '../../../domain/model.js';
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import {parseImageReference} from '../../../domain/image.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {DOCKER_HUB_HOST} from '../artifact.js';
import {textPrompt, type Question} from '../question.js';
import {checkEcrRepositoryUri} from './ecr-repository.js';

export interface ImageAnswer {
  image: string;
  /** A tag written with the image (`nginx:1.27`): offered as the default tag. */
  tag?: string;
}

/**
 * The image path inside the registry. On Docker Hub a one-part name is an official image (`nginx` →
 * `library/nginx`). A reference naming another registry is refused with what to choose instead.
 */
export function checkImage(registry: RegistryKind, text: string, host?: string): Checked<ImageAnswer> {
  const written = text.trim();
  if (written === '') return bad(registry === 'dockerhub' ? 'Give the image name, e.g. library/nginx (or just nginx)' : 'Give the image name, e.g. team/api');
  const parsed = parseImageReference(written);
  if (parsed === undefined) {
    if (/[A-Z]/.test(written)) return bad(`"${written}" has capital letters: image names are lower case`);
    return bad(`"${written}" is not an image name: lower-case letters, digits and . _ - separated by /, e.g. team/api`);
  }
  if (parsed.host !== '') {
    const sameHost = host !== undefined && parsed.host === host;
    const hub = registry === 'dockerhub' && parsed.registry === 'dockerhub';
    if (!sameHost && !hub) {
      return bad(
        `"${written}" names the registry ${parsed.host}: give the image path only (e.g. ${parsed.image}), or go back (esc) and choose ${parsed.registry === 'ecr' ? 'Amazon ECR' : 'a private registry'}`,
      );
    }
  }
  let image = parsed.image;
  let note: string | undefined;
  if (registry === 'dockerhub' && !image.includes('/')) {
    image = `library/${image}`;
    note = `official Docker Hub images live under library/: ${image}`;
  }
  const answer: ImageAnswer = parsed.tag === undefined ? {image} : {image, tag: parsed.tag};
  return ok(answer, note);
}

/** The answers with the image (and the tag written with it). */
const withImage = (answers: WizardAnswers, value: ImageAnswer): WizardAnswers => ({
  ...answers,
  image: value.image,
  ...(value.tag === undefined ? {} : {tag: value.tag}),
});

export const image: Question = {
  id: 'image',
  section: 2,
  label: 'Image',
  applies: (ctx) => ctx.answers.registry !== 'ecr',
  summary: (ctx) =>
    `${ctx.answers.registry === 'dockerhub' ? `${DOCKER_HUB_HOST}/` : ctx.answers.registryHost ? `${ctx.answers.registryHost}/` : ''}${ctx.answers.image ?? ''}`,
  help: [
    'The Docker image name inside the registry, e.g. library/nginx or team/api. On Docker Hub, an official image such as nginx lives under library/.',
    'At deploy time "${DOCKER_IMAGE_NAME}" in the container specification becomes the full reference with the tag: registry.hub.docker.com/library/nginx:stable-perl.',
  ],
  prompt: ({ctx: {answers}}) =>
    textPrompt({
      label: 'Docker image name',
      hint:
        answers.registry === 'dockerhub'
          ? 'e.g. library/nginx (official images: just nginx)'
          : `the image path in ${answers.registryHost ?? 'the registry'}, e.g. team/api`,
      initial: answers.image,
      validate: (text) => checkImage(answers.registry ?? 'dockerhub', text, answers.registryHost),
      submit: (value, note) => ({answers: withImage(answers, value), ...(note === undefined ? {} : {notice: note})}),
    }),
  flags: [{name: 'image', type: 'string', value: 'PATH', description: 'image name, e.g. library/nginx (ECR: the repository name or URI)'}],
  fields: {image: '--image'},
  fromFlags(draft) {
    const flag = draft.value('image');
    if (flag === undefined) return;
    const {answers} = draft;
    if (answers.registry === 'ecr') {
      const uri = checkEcrRepositoryUri(flag);
      if (uri.ok) {
        draft.answers = {...answers, registryHost: uri.value.host, ...withImage({}, uri.value)};
        draft.given['ecr-repository'] = '--image';
      } else if (/^[a-z0-9][a-z0-9._/-]*$/.test(flag.trim())) {
        draft.ecrRepositoryName = flag.trim();
      } else draft.fail('--image', uri.message);
    } else if (answers.registry !== undefined) {
      const value = draft.take('image', flag, (text) => checkImage(answers.registry ?? 'dockerhub', text, answers.registryHost));
      if (value !== undefined) {
        draft.answers = withImage(answers, value);
        draft.given.image = '--image';
      }
    } else {
      draft.fail('--image', 'give --registry too (dockerhub, ecr or the registry address), or leave both out to be asked');
    }
  },
};
