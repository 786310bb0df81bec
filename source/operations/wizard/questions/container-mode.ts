/**
 * 4. How the container specification is written: the simplified form (EC2, one container) or Advanced JSON in
 * the editor (required for Fargate). Its flags are --container-spec FILE or the simplified form's flags.
 */
import type {ContainerFormAnswers} from '../../../domain/wizard-answers.js';
import {importTaskDefinition} from '../../../domain/import/task-definition.js';
import {checkInteger, parseNameValue, parsePortMapping} from '../answer-checks.js';
import {needsRegistryAuth} from '../artifact.js';
import {formJson, lintContainerJson} from '../container-spec.js';
import {FORM_JSON_CHOICE, describeFormLogs, formLogsDefault} from '../form-logs.js';
import type {FlagDraft} from '../flag-draft.js';
import type {Question} from '../question.js';

/** The flags of the simplified form (--container-env included: the form's environment variables). */
const FORM_FLAGS = ['cpu', 'memory', 'memory-reservation', 'port', 'container-env'];

/** describe-task-definition output rather than a task definition. */
export const looksLikeDescribeTaskDefinition = (text: string): boolean => /"taskDefinitionArn"|^\s*\{\s*"taskDefinition"\s*:/.test(text);

export const containerMode: Question = {
  id: 'container-mode',
  section: 3,
  label: 'Container specification',
  auto: (ctx) =>
    ctx.answers.launchType === 'FARGATE'
      ? {update: (answers) => ({...answers, containerMode: 'json'}), summary: 'Advanced JSON (Fargate needs it)'}
      : undefined,
  valid: (ctx) => !(ctx.answers.containerMode === 'form' && needsRegistryAuth(ctx.answers)),
  summary: (ctx) => (ctx.answers.containerMode === 'form' ? 'simplified form' : 'Advanced JSON'),
  help: [
    'The simplified form covers one container: CPU units, memory limits, port mappings and environment variables. It is for EC2 only.',
    'Advanced opens the task definition JSON in your editor ($VISUAL or $EDITOR), starting from a template or from the output of `aws ecs describe-task-definition` you paste in.',
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'Container specification',
    initial: answers.containerMode ?? 'form',
    options: [
      {
        value: 'form',
        label: 'Simplified form',
        detail: 'one container: CPU, memory, ports, environment',
        ...(needsRegistryAuth(answers)
          ? {disabled: 'A private registry needs the task execution role (executionRoleArn), which only the Advanced JSON holds: choose Advanced'}
          : {}),
      },
      {value: 'json', label: 'Advanced JSON', detail: 'the task definition in your editor ($EDITOR), from a template or pasted describe output'},
    ],
    submit: (value) => ({answers: {...answers, containerMode: value as 'form' | 'json'}}),
  }),
  flags: [
    {
      name: 'container-spec',
      type: 'string',
      value: 'FILE',
      description: 'Advanced container specification: task definition JSON, or describe-task-definition output',
      readsFile: true,
    },
    {name: 'cpu', type: 'string', value: 'N', description: 'simplified form: CPU units (1024 = 1 vCPU; Fargate: task cpu, default 256)'},
    {name: 'memory', type: 'string', value: 'MIB', description: 'simplified form: hard memory limit (Fargate: task memory, default 512)'},
    {name: 'memory-reservation', type: 'string', value: 'MIB', description: 'simplified form: soft memory limit (EC2 default: 256)'},
    {name: 'port', type: 'string', multiple: true, value: 'N[/tcp|/udp]', description: 'simplified form: a container port mapping (repeat for more)'},
    {name: 'container-env', type: 'string', multiple: true, value: 'K=V', description: 'simplified form: a container environment variable (repeat for more)'},
    {
      name: 'no-logs',
      type: 'boolean',
      description: "simplified form: no log configuration (default: awslogs to /ecs/SERVICE in the environment's region, stream prefix ecs)",
    },
  ],
  fromFlags(draft) {
    const formFlags = FORM_FLAGS.filter((flag) => draft.values(flag).length > 0);
    const file = draft.file('container-spec');
    if (file !== undefined) {
      if (formFlags.length > 0) draft.fail('--container-spec', `give either --container-spec or the simplified form (--${formFlags.join(', --')}), not both`);
      let text = file.text;
      if (looksLikeDescribeTaskDefinition(text)) {
        const imported = importTaskDefinition(text);
        if (imported.ok) {
          text = imported.containerSpecJson;
          if (imported.replacements.length > 0)
            draft.notes.push(`--container-spec: replaced ${imported.replacements.map((replacement) => `${replacement.path} → ${replacement.to}`).join('; ')}`);
          if (imported.executionRoleArn !== undefined && draft.values('execution-role').length === 0)
            draft.notes.push(`--container-spec: it used the execution role ${imported.executionRoleArn}; pass it with --execution-role`);
        } else draft.issues(`--container-spec ${file.path}`, imported.issues);
      }
      draft.answers = {...draft.answers, containerMode: 'json', containerJson: text};
      draft.given['container-mode'] = '--container-spec';
      draft.given['container-json'] = '--container-spec';
    } else if (formFlags.length > 0 || (!draft.interactive && draft.answers.launchType !== undefined)) {
      fromFormFlags(draft, formFlags);
    }
    const {answers} = draft;
    if (answers.containerMode === 'json' && answers.containerJson !== undefined && file !== undefined) {
      draft.issues(
        `--container-spec ${file.path}`,
        lintContainerJson(answers.containerJson, answers.launchType, {needsExecutionRole: needsRegistryAuth(answers)}),
      );
    }
  },
};

/**
 * A new service's container logs to CloudWatch Logs unless --no-logs (form-logs.ts): the group /ecs/<service>, the
 * first environment's region (--region, else the configured one), stream prefix ecs.
 */
function addDefaultLogs(draft: FlagDraft, form: ContainerFormAnswers): void {
  if (draft.isSet('no-logs')) return;
  const logs = formLogsDefault(draft.answers, draft.value('region') ?? draft.defaultRegion);
  if (logs === undefined) {
    draft.notes.push('No log configuration: the region is not known yet (give --region, or --no-logs to say none is wanted).');
    return;
  }
  form.logConfiguration = logs;
  draft.notes.push(`The container logs to ${describeFormLogs(logs)}; deploy creates the group (--no-logs: none).`);
}

/** The simplified form from its flags (with its defaults): the form on EC2; on Fargate (or for a private registry) the Advanced JSON it makes. */
function fromFormFlags(draft: FlagDraft, formFlags: readonly string[]): void {
  const fargate = draft.answers.launchType === 'FARGATE';
  const form: ContainerFormAnswers = {ports: [], environment: []};
  const cpu = draft.take('cpu', draft.value('cpu'), (text) => checkInteger(text, 'the CPU units', {min: 0, max: 16384}));
  const memory = draft.take('memory', draft.value('memory'), (text) => checkInteger(text, 'the memory limit', {min: 4}));
  const reservation = draft.take('memory-reservation', draft.value('memory-reservation'), (text) => checkInteger(text, 'the memory reservation', {min: 4}));
  if (cpu !== undefined) form.cpu = cpu;
  if (memory !== undefined) form.memory = memory;
  if (reservation !== undefined) form.memoryReservation = reservation;
  else if (memory === undefined && !fargate) form.memoryReservation = 256;
  for (const text of draft.values('port')) {
    const port = draft.take('port', text, (value) => parsePortMapping(value, fargate ? 'awsvpc' : draft.answers.networkMode));
    if (port !== undefined) form.ports.push(port);
  }
  for (const text of draft.values('container-env')) {
    const pair = draft.take('container-env', text, (value) => parseNameValue(value));
    if (pair !== undefined) form.environment.push(pair);
  }
  const {answers} = draft;
  // In the Ink wizard the form's logs are asked once the first environment's region is known (questions/container-logs.ts).
  if (!draft.interactive) addDefaultLogs(draft, form);
  if (answers.launchType !== undefined) {
    if (fargate || needsRegistryAuth(answers)) {
      draft.answers = {...answers, containerMode: 'json', containerJson: formJson(answers, form, answers.launchType)};
      // The wizard keeps the form: the container-logs question builds the JSON again with the logs chosen.
      if (draft.interactive) {
        draft.answers.containerForm = form;
        draft.choices[FORM_JSON_CHOICE] = 'form flags';
      }
      draft.given['container-json'] = formFlags.length > 0 ? '--cpu/--memory/--port' : 'the default';
      draft.notes.push(
        fargate
          ? 'The Fargate task definition was built from the form flags (Advanced JSON: awsvpc, task cpu/memory, ${EXECUTION_ROLE}).'
          : 'A private registry needs ${EXECUTION_ROLE}: the task definition was built as Advanced JSON from the form flags.',
      );
    } else {
      draft.answers = {...answers, containerMode: 'form', containerForm: form};
      draft.given['container-form'] = '--cpu/--memory/--port';
      draft.given['container-env'] = '--container-env';
    }
    draft.given['container-mode'] = formFlags.length > 0 ? '--cpu/--memory/--port' : 'the default';
  } else if (formFlags.length > 0) {
    draft.fail('--launch-type', 'the simplified form flags need --launch-type (EC2 or FARGATE)');
  }
}
