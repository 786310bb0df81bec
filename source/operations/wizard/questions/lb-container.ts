/**
 * 5. The container and port the load balancer sends traffic to (loadBalancers[0].containerName / containerPort):
 * one of the container specification's port mappings. Taken without asking when there is only one.
 */
import {specContainers} from '../container-spec.js';
import {attaching} from '../load-balancer.js';
import type {Choice, Question} from '../question.js';
import type {WizardAnswers} from '../../../domain/wizard-answers.js';

/** Every container:port of the container specification. */
export function containerPorts(answers: WizardAnswers): Array<{name: string; port: number | string}> {
  return specContainers(answers).flatMap((container) => container.ports.map((port) => ({name: container.name, port})));
}

const withTarget = (answers: WizardAnswers, name: string, port: number | string): WizardAnswers => ({
  ...answers,
  loadBalancer: {...(answers.loadBalancer ?? {}), containerName: name, containerPort: port},
});

export const lbContainer: Question = {
  id: 'lb-container',
  section: 4,
  label: 'Container',
  applies: attaching,
  auto: (ctx) => {
    const ports = containerPorts(ctx.answers);
    if (ports.length !== 1) return undefined;
    const [only] = ports;
    return {update: (answers) => withTarget(answers, only!.name, only!.port), summary: `${only!.name}:${only!.port} (its only port mapping)`};
  },
  valid: (ctx) => ctx.answers.loadBalancer?.containerName !== undefined && ctx.answers.loadBalancer.containerPort !== undefined,
  summary: (ctx) => `${ctx.answers.loadBalancer?.containerName ?? ''}:${ctx.answers.loadBalancer?.containerPort ?? ''}`,
  help: ["The container and port the target group's traffic goes to: one of the container specification's port mappings."],
  prompt: ({ctx}) => {
    const ports = containerPorts(ctx.answers);
    if (ports.length === 0)
      return {
        kind: 'unavailable',
        message: 'The container specification maps no port: go back (esc) to the container specification and add a port mapping for the load balancer.',
      };
    const items: Choice[] = ports.map(({name, port}) => ({value: `${name}\u0000${port}`, label: `${name}:${port}`}));
    const current = ctx.answers.loadBalancer;
    return {
      kind: 'picker',
      label: 'Container port that takes the traffic',
      what: 'port mappings of the container specification',
      items,
      initial: current?.containerName === undefined ? undefined : `${current.containerName}\u0000${current.containerPort}`,
      submit: ([value]) => {
        const [name, port] = value!.split('\u0000') as [string, string];
        return {answers: withTarget(ctx.answers, name, /^\d+$/.test(port) ? Number(port) : port)};
      },
    };
  },
  fromFlags(draft) {
    const wiring = draft.answers.loadBalancer;
    if (!wiring || wiring.containerName !== undefined) return;
    const ports = containerPorts(draft.answers);
    const first = ports[0];
    if (first === undefined) {
      draft.fail('--target-group', 'the container specification maps no port for the load balancer to send traffic to: add one (--port N, or portMappings)');
      return;
    }
    draft.answers = withTarget(draft.answers, first.name, first.port);
    draft.given['lb-container'] = '--target-group';
    if (ports.length > 1) draft.notes.push(`--target-group: the load balancer sends traffic to ${first.name}:${first.port} (the first port mapping)`);
  },
};
