/**
 * 10. Where the simplified form's container logs, asked once the first environment's region is known (the
 * container questions come before it): CloudWatch Logs `/ecs/<service>` in that region, stream prefix `ecs` — the
 * default `init`'s form flags give (form-logs.ts, one place for both) — or no log configuration. The default is
 * chosen, shown, and can be turned off here; `init --no-logs` answers it. Also asked for the Advanced JSON `init`'s
 * form flags built in a terminal (Fargate), which is built again with the choice while it is still the form's
 * unchanged. Advanced JSON the person wrote is theirs and is not changed (container-json notes when its artifact
 * container has no logConfiguration).
 *
 * Nothing changes without being asked: a choice made holds until the service or the first region changes, and then
 * the question is asked again (its answer no longer holds) with the new default.
 */
import type {StepContext, Question} from '../question.js';
import {describeFormLogs, firstRegion, formLogsDefault, jsonFromForm, sameFormLogs, withFormLogs} from '../form-logs.js';
import {derivedName} from './container-name.js';

/** The flow choice that remembers "No log configuration" (it has no answer field of its own). */
export const CONTAINER_LOGS_CHOICE = 'container-logs';

const NONE = 'none';
const AWSLOGS = 'awslogs';

const defaultOf = (ctx: StepContext) => formLogsDefault(ctx.answers, firstRegion(ctx.answers));

export const containerLogs: Question = {
  id: 'container-logs',
  section: 9,
  label: 'Container logs',
  // The simplified form, or the Advanced JSON init's form flags built from it (Fargate), as long as it is theirs unchanged.
  applies: (ctx) => ctx.answers.containerMode === 'form' || jsonFromForm(ctx.answers, ctx.choices),
  // Logs the service or the first region no longer give are not kept silently: the question is asked again.
  valid: (ctx) => {
    const logs = ctx.answers.containerForm?.logConfiguration;
    return logs === undefined || sameFormLogs(logs, defaultOf(ctx));
  },
  summary: (ctx) => {
    const logs = ctx.answers.containerForm?.logConfiguration;
    return logs === undefined ? "none (the container's output is not kept)" : describeFormLogs(logs);
  },
  help: [
    "The container's output (stdout and stderr) goes to CloudWatch Logs with the awslogs driver, as the ECS console's \"Auto-configure CloudWatch Logs\" does: the group /ecs/<service>, the first environment's region, the stream prefix ecs — a task's stream is ecs/<container>/<task-id>. When a task stops, the deploy shows its last lines, and `ecs-wizard logs` reads them.",
    "Deploy creates the group when it is missing (after its confirmation), so the task execution role needs no logs:CreateLogGroup. Without a log configuration the container's output is not kept.",
  ],
  prompt: ({ctx}) => {
    const logs = defaultOf(ctx);
    // The stream names the container (asked just before: a stable name, or the one derived for the default tag).
    const container = ctx.answers.containerName ?? derivedName(ctx.answers) ?? '<container>';
    return {
      kind: 'select',
      label: 'Container logs',
      hint: "Where the container's output goes: the deploy shows a stopped task's last lines from it, and `ecs-wizard logs` reads it.",
      initial: ctx.choices[CONTAINER_LOGS_CHOICE] === NONE ? NONE : AWSLOGS,
      options: [
        {
          value: AWSLOGS,
          label: logs === undefined ? 'CloudWatch Logs' : describeFormLogs(logs),
          ...(logs === undefined
            ? {disabled: "The service's name or the first environment's region is not known yet"}
            : {detail: `streams ${logs.streamPrefix}/${container}/<task-id>; deploy creates the group when it is missing`}),
        },
        {value: NONE, label: 'No log configuration', detail: "the container's output is not kept"},
      ],
      submit: (value) => {
        if (value === AWSLOGS && logs === undefined) return undefined;
        return {answers: withFormLogs(ctx.answers, value === AWSLOGS ? logs : undefined, ctx.choices), choices: {[CONTAINER_LOGS_CHOICE]: value}};
      },
    };
  },
  // --no-logs (a flag of container-mode, with the simplified form's flags) answers it in the Ink wizard.
  fromFlags(draft) {
    if (!draft.interactive || !draft.isSet('no-logs')) return;
    draft.given['container-logs'] = '--no-logs';
    draft.choices[CONTAINER_LOGS_CHOICE] = NONE;
  },
};
