/**
 * 4. The task definition as Advanced JSON, written in the person's editor from a template, the simplified
 * form's answers or pasted describe-task-definition output (--container-spec, a flag of container-mode).
 */
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import {hasErrors, type Issue} from '../../../domain/issues.js';
import {artifactImage} from '../../../domain/image.js';
import {importTaskDefinition} from '../../../domain/import/task-definition.js';
import {findTemplate} from '../../../domain/templates.js';
import {isJsonObject} from '../../../domain/json.js';
import {getMember, parseJsonText} from '../../../domain/json-text.js';
import {DOCKER_IMAGE_NAME} from '../../../domain/placeholders.js';
import {imageLabel, needsRegistryAuth} from '../artifact.js';
import {lintContainerJson, specContainers, startingContainerJson, taskNetworkMode} from '../container-spec.js';
import type {EditorCheck, EditorStart, Question} from '../question.js';
import {looksLikeDescribeTaskDefinition} from './container-mode.js';

type Imported = ReturnType<typeof importTaskDefinition>;

const PLACEHOLDERS_HELP =
  'The container specification is an ECS task definition with placeholders: "image": "${DOCKER_IMAGE_NAME}" (required) is replaced with the Docker image name and tag at run time, e.g. registry.hub.docker.com/library/nginx:stable-perl; "name": "${CONTAINER_NAME}" with a container name based on the image name (library_nginx_stable-perl); "executionRoleArn": "${EXECUTION_ROLE}" (required for Fargate) with the environment\'s task execution role.';

const describeContainers = (answers: WizardAnswers, text: string): string => {
  const containers = specContainers({...answers, containerMode: 'json', containerJson: text});
  const mode = taskNetworkMode({...answers, containerMode: 'json', containerJson: text});
  return `${containers.length} container${containers.length === 1 ? '' : 's'} (${containers.map((container) => container.name).join(', ')}), ${mode}`;
};

/**
 * A text back from the editor: pasted describe output is imported (read-only fields dropped, the image made
 * `${DOCKER_IMAGE_NAME}`), then the JSON is checked. `remember` keeps what an import gave, by the text it gave.
 */
export function checkContainerJson(answers: WizardAnswers, text: string, start: string, remember: (spec: string, imported: Imported) => void): EditorCheck {
  let spec = text;
  const notes: string[] = [];
  const issues: Issue[] = [];
  if (start === 'paste' || looksLikeDescribeTaskDefinition(text)) {
    const result = importTaskDefinition(text);
    if (result.ok) {
      spec = result.containerSpecJson;
      remember(spec, result);
      if (result.replacements.length > 0)
        notes.push(`Replaced: ${result.replacements.map((replacement) => `${replacement.path} → ${replacement.to}`).join('; ')}`);
      if (result.stripped.length > 0)
        notes.push(`Dropped (read-only or null): ${result.stripped.slice(0, 8).join(', ')}${result.stripped.length > 8 ? '…' : ''}`);
      const ran = artifactImage(result.artifact, result.artifact.tag);
      if (ran !== imageLabel(answers)) notes.push(`It ran ${ran}; this profile deploys ${imageLabel(answers)} (step 3).`);
      issues.push(...result.issues.filter((issue) => issue.severity !== 'info'));
    } else if (hasErrors(lintContainerJson(text, answers.launchType))) {
      return {text, issues: result.issues, notes};
    }
  }
  issues.push(...lintContainerJson(spec, answers.launchType, {needsExecutionRole: needsRegistryAuth(answers)}));
  if (!hasErrors(issues) && !artifactLogs(spec)) notes.push(NO_LOGS_NOTE);
  return {text: spec, issues, notes, summary: describeContainers(answers, spec)};
}

/** Said (not changed: the JSON is the person's) when the artifact's container keeps no output. */
export const NO_LOGS_NOTE =
  'The artifact container has no logConfiguration: its output is not kept, so a stopped task cannot show why it stopped. The JSON is used as written (add an awslogs logConfiguration to keep it).';

/** The artifact's container (image ${DOCKER_IMAGE_NAME}) has a logConfiguration (true when there is no such container). */
function artifactLogs(text: string): boolean {
  const tree = parseJsonText(text, 'containerSpec').value;
  const containers = isJsonObject(tree) ? getMember(tree, 'containerDefinitions') : undefined;
  const artifact = (Array.isArray(containers) ? containers : []).filter(isJsonObject).find((container) => getMember(container, 'image') === DOCKER_IMAGE_NAME);
  return artifact === undefined || getMember(artifact, 'logConfiguration') !== undefined;
}

export const containerJson: Question = {
  id: 'container-json',
  section: 3,
  label: 'Task definition',
  applies: (ctx) => ctx.answers.containerMode === 'json',
  valid: (ctx) =>
    ctx.answers.containerJson !== undefined &&
    !hasErrors(lintContainerJson(ctx.answers.containerJson, ctx.answers.launchType, {needsExecutionRole: needsRegistryAuth(ctx.answers)})),
  summary: (ctx) => {
    const containers = specContainers(ctx.answers);
    return `${ctx.choices['container-json'] ?? 'JSON'}: ${containers.length} container${containers.length === 1 ? '' : 's'} (${containers.map((container) => container.name).join(', ')}), ${taskNetworkMode(ctx.answers)}`;
  },
  help: [
    PLACEHOLDERS_HELP,
    'If you have an existing task definition, paste the output of `aws ecs describe-task-definition --task-definition NAME` (the {"taskDefinition": …} wrapper is fine): read-only fields are dropped and the image becomes ${DOCKER_IMAGE_NAME}.',
    'For awsvpc, set "networkMode": "awsvpc". Config variables may be written unquoted where a number belongs: "containerPort": ${serviceVariable.containerPort}.',
  ],
  prompt: ({ctx: {answers}, services, memo}) => {
    const fargate = answers.launchType === 'FARGATE';
    const templateName = fargate ? 'container-fargate' : 'container-ec2';
    const starts: EditorStart[] = [];
    if (answers.containerJson !== undefined) starts.push({value: 'current', label: 'Edit the current JSON', text: () => answers.containerJson!});
    starts.push({
      value: 'template',
      label: 'Start from the template',
      detail: findTemplate(templateName)?.description ?? '',
      text: async () => startingContainerJson(answers, await services.template(templateName)),
    });
    if (!fargate && answers.containerForm !== undefined)
      starts.push({value: 'form', label: "Start from the simplified form's answers", text: () => startingContainerJson(answers)});
    starts.push({value: 'paste', label: 'Paste `aws ecs describe-task-definition` output', detail: 'an empty file opens: paste, save, quit', text: () => ''});
    return {
      kind: 'editor',
      label: fargate ? 'Task definition (Advanced JSON — required for Fargate)' : 'Task definition (Advanced JSON)',
      hint: `Opens in ${services.editor().describe() ?? 'a file you edit'}. Placeholders: \${DOCKER_IMAGE_NAME} (required), \${CONTAINER_NAME}${fargate ? ', ${EXECUTION_ROLE} (required)' : ''}.`,
      what: 'task definition',
      starts,
      initialStart: answers.containerJson !== undefined ? 'current' : 'template',
      check: (text, start) => checkContainerJson(answers, text, start, (spec, imported) => memo.set(spec, imported)),
      accept: (checked, start) => {
        const result = memo.get(checked.text) as Imported | undefined;
        let next: WizardAnswers = {...answers, containerJson: checked.text};
        if (result?.ok) {
          if (result.executionRoleArn && next.executionRoleArn === undefined) next = {...next, executionRoleArn: result.executionRoleArn};
          if (result.registryAuth && next.registryAuth === undefined && needsRegistryAuth(next)) next = {...next, registryAuth: result.registryAuth};
        }
        const label = start === 'paste' || result?.ok ? 'imported from describe-task-definition' : start === 'template' ? 'from the template' : 'edited';
        return {answers: next, choices: {'container-json': label}, ...(checked.notes.length > 0 ? {notice: checked.notes.join(' ')} : {})};
      },
    };
  },
  fields: {containerSpec: '--container-spec'},
};
