/** 4. The task's network mode (Fargate: always awsvpc). */
import type {NetworkMode} from '../../../domain/model.js';
import {taskNetworkMode} from '../container-spec.js';
import type {Question} from '../question.js';

export const networkMode: Question = {
  id: 'network-mode',
  section: 3,
  label: 'Network mode',
  auto: (ctx) =>
    ctx.answers.launchType === 'FARGATE' ? {update: (answers) => ({...answers, networkMode: 'awsvpc'}), summary: 'awsvpc (Fargate requires it)'} : undefined,
  summary: (ctx) => taskNetworkMode(ctx.answers),
  help: [
    'awsvpc: each task gets its own network interface with a private IP in your VPC; the environment chooses its subnets and security groups. Task definitions that use awsvpc use the AWSServiceRoleForECS service-linked role, which is created for you automatically. Fargate always uses awsvpc.',
    "bridge: containers use Docker's virtual network on the instance; a host port of 0 (or none) gives a dynamic host port, so several tasks can run on one instance.",
    "host: containers use the instance's network directly; a port can be used by one task per instance.",
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'Network mode',
    initial: answers.networkMode ?? 'bridge',
    options: [
      {value: 'bridge', label: 'bridge', detail: "Docker's network on the instance; dynamic host ports"},
      {value: 'awsvpc', label: 'awsvpc', detail: 'each task gets its own network interface in your subnets'},
      {value: 'host', label: 'host', detail: "the instance's network directly; one task per port and instance"},
    ],
    submit: (value) => ({answers: {...answers, networkMode: value as 'awsvpc' | 'bridge' | 'host'}}),
  }),
  flags: [{name: 'network-mode', type: 'string', value: 'awsvpc|bridge|host', description: 'task network mode (Fargate: awsvpc; EC2 default: bridge)'}],
  fields: {networkMode: '--network-mode'},
  fromFlags(draft) {
    const fargate = draft.answers.launchType === 'FARGATE';
    const flag = draft.value('network-mode');
    if (flag !== undefined) {
      const mode = flag.trim().toLowerCase();
      if (mode !== 'awsvpc' && mode !== 'bridge' && mode !== 'host') draft.fail('--network-mode', `"${flag}" is not a network mode: awsvpc, bridge or host`);
      else if (fargate && mode !== 'awsvpc') draft.fail('--network-mode', `Fargate tasks use the awsvpc network mode, not ${mode}`);
      else {
        draft.answers = {...draft.answers, networkMode: mode as NetworkMode};
        draft.given['network-mode'] = '--network-mode';
      }
    } else if (!draft.interactive && draft.answers.launchType !== undefined) {
      draft.answers = {...draft.answers, networkMode: fargate ? 'awsvpc' : 'bridge'};
    }
  },
};
