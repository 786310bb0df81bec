/** 6. containerPort: one of that container's port mappings (--discovery-container-port). */
import {checkInteger} from '../answer-checks.js';
import {specContainers} from '../container-spec.js';
import {checkDiscoveryPort} from '../discovery.js';
import type {Choice, Question} from '../question.js';

export const discoveryContainerPort: Question = {
  id: 'discovery-container-port',
  section: 5,
  label: 'containerPort',
  applies: (ctx) => ctx.answers.discovery?.use === 'container',
  valid: (ctx) => ctx.answers.discovery?.containerPort !== undefined,
  summary: (ctx) => String(ctx.answers.discovery?.containerPort ?? ''),
  help: [
    'The port registered in the SRV records: one of the container\'s port mappings (containerPort). The wizard offers it as the config variable containerPort, so that an environment can override it: "containerPort": ${serviceVariable.containerPort}.',
  ],
  prompt: ({ctx: {answers}}) => {
    const containers = specContainers(answers);
    const name = answers.discovery?.containerName ?? '';
    const container = containers.find((candidate) => candidate.name === name);
    const items: Choice[] = (container?.ports ?? []).map((port) => ({
      value: String(port),
      label: String(port),
      ...(typeof port === 'string' ? {detail: 'a config variable (its value is set in step 7)'} : {}),
    }));
    return {
      kind: 'picker',
      label: `containerPort: which port of ${name}?`,
      hint: "One of the container's port mappings.",
      what: `port mappings of ${name}`,
      items,
      free: {
        validate: (text) => {
          const port = checkInteger(text, 'the port', {min: 1, max: 65535});
          if (!port.ok) return port;
          const mapped = checkDiscoveryPort(containers, name, port.value!, answers.variables);
          return mapped.ok ? {ok: true, value: String(port.value)} : mapped;
        },
        hint: 'a port number',
      },
      initial: answers.discovery?.containerPort === undefined ? undefined : String(answers.discovery.containerPort),
      submit: ([value]) => {
        if (!answers.discovery) return undefined;
        const containerPort = /^\d+$/.test(value!) ? Number(value) : value!;
        return {answers: {...answers, discovery: {...answers.discovery, containerPort}}};
      },
    };
  },
};
