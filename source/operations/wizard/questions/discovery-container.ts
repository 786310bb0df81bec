/** 6. containerName: the container registered in Cloud Map (the only one is taken; --discovery-container). */
import {specContainers} from '../container-spec.js';
import type {Question} from '../question.js';

export const discoveryContainer: Question = {
  id: 'discovery-container',
  section: 5,
  label: 'containerName',
  applies: (ctx) => ctx.answers.discovery?.use === 'container',
  auto: (ctx) => {
    const containers = specContainers(ctx.answers);
    const only = containers[0];
    if (containers.length !== 1 || only === undefined) return undefined;
    return {
      update: (answers) => (answers.discovery ? {...answers, discovery: {...answers.discovery, containerName: only.name}} : answers),
      summary: `${only.name} (the only container)`,
    };
  },
  valid: (ctx) => specContainers(ctx.answers).some((container) => container.name === ctx.answers.discovery?.containerName),
  summary: (ctx) => ctx.answers.discovery?.containerName ?? '',
  help: ['The container registered in Cloud Map: a container of the container specification, usually ${CONTAINER_NAME}.'],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'containerName: which container registers?',
    initial: answers.discovery?.containerName,
    options: specContainers(answers).map((container) => ({
      value: container.name,
      label: container.name,
      detail: container.ports.length === 0 ? 'maps no ports' : `ports ${container.ports.join(', ')}`,
    })),
    submit: (value) => (answers.discovery ? {answers: {...answers, discovery: {...answers.discovery, containerName: value}}} : undefined),
  }),
};
