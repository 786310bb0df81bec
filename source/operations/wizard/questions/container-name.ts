/**
 * 10. The artifact container's name, asked just before the review (where the rendered documents show it): the
 * setup guide's default, derived from the image path and tag (`library/nginx:stable-perl` →
 * `library_nginx_stable-perl`), which changes with every tag — or a stable one (`init --container-name
 * derived|NAME`). Asked when the container specification names the artifact's container `${CONTAINER_NAME}` (the
 * simplified form always does).
 *
 * When the service registers the container with Cloud Map or a load balancer, a derived name moves their
 * containerName with every release; the question, the review and init say so.
 */
import {ECS_NAME_PATTERN} from '../../../domain/aws-names.js';
import {deriveContainerName} from '../../../domain/image.js';
import {isJsonObject, type JsonValue} from '../../../domain/json.js';
import {getMember, parseJsonText} from '../../../domain/json-text.js';
import {formToTaskDefinition} from '../../../domain/container-form.js';
import {CONTAINER_NAME, DOCKER_IMAGE_NAME} from '../../../domain/placeholders.js';
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {containerSpecOf} from '../container-spec.js';
import type {Question} from '../question.js';
import {composeServiceSpec} from '../service-spec.js';

const DERIVED = 'derived';

function containersOf(answers: WizardAnswers): Array<{name: unknown; image: unknown}> {
  const spec = containerSpecOf(answers);
  if (spec === undefined) return [];
  const tree: JsonValue | undefined = spec.mode === 'form' ? formToTaskDefinition(spec.form) : parseJsonText(spec.json, 'containerSpec').value;
  const list = isJsonObject(tree) ? getMember(tree, 'containerDefinitions') : undefined;
  return (Array.isArray(list) ? list : [])
    .filter(isJsonObject)
    .map((container) => ({name: getMember(container, 'name'), image: getMember(container, 'image')}));
}

/** The container specification names the artifact's container `${CONTAINER_NAME}`: its name is chosen here. */
export const namesTheArtifact = (answers: WizardAnswers): boolean =>
  containersOf(answers).some((container) => container.image === DOCKER_IMAGE_NAME && container.name === CONTAINER_NAME);

/** The name the guide derives for the default tag, when the image and tag are known. */
export const derivedName = (answers: WizardAnswers): string | undefined =>
  answers.image === undefined || answers.tag === undefined ? undefined : deriveContainerName(answers.image, answers.tag);

/** The names of the other containers (a stable name may not be one of them). */
const otherNames = (answers: WizardAnswers): string[] =>
  containersOf(answers)
    .filter((container) => container.image !== DOCKER_IMAGE_NAME)
    .flatMap((container) => (typeof container.name === 'string' ? [container.name] : []));

/** Stable names to offer: the service's name, and the image's last path component (as ECS names go). */
export function stableSuggestions(answers: WizardAnswers): string[] {
  const image = answers.image
    ?.split('/')
    .pop()
    ?.replace(/[^A-Za-z0-9_-]/g, '_');
  const taken = new Set([...otherNames(answers), derivedName(answers)]);
  return [...new Set([answers.serviceName, image])].filter((name): name is string => name !== undefined && ECS_NAME_PATTERN.test(name) && !taken.has(name));
}

/** What follows the container's name in the service: Cloud Map (serviceRegistries) and load balancers. */
export function mappedBy(answers: WizardAnswers): string[] {
  const spec = parseJsonText(composeServiceSpec(answers).text, 'serviceSpec').value;
  const named = (list: string): boolean => {
    const items = isJsonObject(spec) ? getMember(spec, list) : undefined;
    return Array.isArray(items) && items.some((item) => isJsonObject(item) && getMember(item, 'containerName') !== undefined);
  };
  return [...(named('serviceRegistries') ? ["Cloud Map's containerName"] : []), ...(named('loadBalancers') ? ["the load balancer's containerName"] : [])];
}

/** The consequence of a derived name when the service maps the container by name (else undefined). */
export function derivedNameWarning(answers: WizardAnswers): string | undefined {
  if (answers.containerName !== undefined || !namesTheArtifact(answers)) return undefined;
  const mapped = mappedBy(answers);
  if (mapped.length === 0) return undefined;
  return `The derived name ${derivedName(answers) ?? ''} changes on every tag, and ${mapped.join(' and ')} with it: every release re-registers the container under a new name. A stable name keeps it.`.replace(
    '  ',
    ' ',
  );
}

/** The review's line about the name: what it is, and (a warning) what a derived one moves when something maps it. */
export function reviewNameLine(answers: WizardAnswers): {text: string; warning: boolean} {
  if (answers.containerName !== undefined) return {text: `Container name: ${answers.containerName} (stable: the same on every tag)`, warning: false};
  const name = derivedName(answers) ?? CONTAINER_NAME;
  const mapped = mappedBy(answers);
  if (mapped.length === 0) return {text: `Container name: ${name} (derived from the image and tag: it changes with every tag)`, warning: false};
  return {text: `Container name: ${name}, derived: it changes on every tag, and ${mapped.join(' and ')} with it (c: a stable name)`, warning: true};
}

/** `derived` (the default), or a stable name: an ECS container name that no other container has. */
export function checkContainerName(text: string, answers: WizardAnswers): Checked<string | undefined> {
  const name = text.trim();
  if (name === DERIVED) return ok(undefined);
  if (!ECS_NAME_PATTERN.test(name))
    return bad(`"${name}" is not a container name: letters, digits, _ and - (up to 255), or "derived" for the name derived from the image and tag`);
  if (otherNames(answers).includes(name)) return bad(`another container of the container specification is called ${name}`);
  return ok(name);
}

export const containerName: Question = {
  id: 'container-name',
  section: 9,
  label: 'Container name',
  applies: (ctx) => namesTheArtifact(ctx.answers),
  summary: (ctx) => ctx.answers.containerName ?? `derived (${derivedName(ctx.answers) ?? 'from the image and tag'})`,
  valid: (ctx) => ctx.answers.containerName === undefined || checkContainerName(ctx.answers.containerName, ctx.answers).ok,
  help: [
    'The setup guide names the artifact\'s container after the image and tag: "name": "${CONTAINER_NAME}" becomes library_nginx_stable-perl for library/nginx:stable-perl. So every tag renames the container.',
    "What refers to the container by name follows it in the same render (Cloud Map's containerName, the load balancer's, other containers' dependsOn, links and volumesFrom, FireLens), but the registrations and the log streams move with every release. A stable name (the service's, say) keeps them.",
  ],
  prompt: ({ctx: {answers}}) => {
    const derived = derivedName(answers) ?? '${CONTAINER_NAME}';
    return {
      kind: 'picker',
      label: "Name of the artifact's container",
      hint: derivedNameWarning(answers) ?? 'Derived from the image and tag (the setup guide), or a stable name. Type another name to use it.',
      what: 'container names',
      items: [
        {value: DERIVED, label: derived, detail: 'derived from the image and tag: changes with every tag'},
        ...stableSuggestions(answers).map((name) => ({value: name, label: name, detail: 'stable: the same on every tag'})),
      ],
      free: {
        validate: (text) => {
          const checked = checkContainerName(text, answers);
          return checked.ok ? ok(checked.value ?? DERIVED) : checked;
        },
        hint: 'a container name: letters, digits, _ and -',
      },
      initial: answers.containerName ?? DERIVED,
      submit: ([value]) => {
        const checked = checkContainerName(value ?? DERIVED, answers);
        if (!checked.ok) return undefined;
        const {containerName: _previous, ...rest} = answers;
        return {answers: checked.value === undefined ? rest : {...rest, containerName: checked.value}};
      },
    };
  },
  flags: [
    {
      name: 'container-name',
      type: 'string',
      value: 'derived|NAME',
      description: "the artifact container's name: derived from the image and tag (the default; it changes with every tag), or a stable NAME",
    },
  ],
  fields: {containerName: '--container-name'},
  fromFlags(draft) {
    const text = draft.value('container-name');
    if (text === undefined) {
      if (!draft.interactive) draft.given['container-name'] ??= 'the default';
      return;
    }
    if (!namesTheArtifact(draft.answers) && draft.answers.containerMode === 'json') {
      draft.fail(
        '--container-name',
        `the container specification names the artifact's container itself: write "name": "${CONTAINER_NAME}" there to choose its name`,
      );
      return;
    }
    const checked = checkContainerName(text, draft.answers);
    if (!checked.ok) draft.fail('--container-name', checked.message);
    else {
      const {containerName: _previous, ...rest} = draft.answers;
      draft.answers = checked.value === undefined ? rest : {...rest, containerName: checked.value};
      draft.given['container-name'] = '--container-name';
    }
  },
};
