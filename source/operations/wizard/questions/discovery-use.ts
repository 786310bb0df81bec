/** 6. How the service registers: containerName + containerPort, or port — decided by the seed's rules when they leave no choice. */
import type {Question} from '../question.js';
import {taskNetworkMode} from '../container-spec.js';
import {discoveryRule} from '../discovery.js';

export const discoveryUse: Question = {
  id: 'discovery-use',
  section: 5,
  label: 'Registers with',
  applies: (ctx) => Boolean(ctx.answers.discovery),
  auto: (ctx) => {
    const discovery = ctx.answers.discovery;
    if (!discovery) return undefined;
    const rule = discoveryRule(taskNetworkMode(ctx.answers), discovery.recordTypes);
    if (rule === 'container')
      return {
        update: (answers) => ({...answers, discovery: {...discovery, use: 'container', port: undefined}}),
        summary: 'containerName + containerPort (required: SRV records without awsvpc)',
      };
    if (rule === 'none') {
      return {
        update: (answers) => ({
          ...answers,
          discovery: {registryArn: discovery.registryArn, ...(discovery.recordTypes ? {recordTypes: discovery.recordTypes} : {}), use: 'none'},
        }),
        summary: 'registryArn only (awsvpc with A records: nothing else is needed)',
      };
    }
    return undefined;
  },
  valid: (ctx) => ctx.answers.discovery?.use !== undefined,
  summary: (ctx) =>
    ctx.answers.discovery?.use === 'port' ? 'port' : ctx.answers.discovery?.use === 'none' ? 'registryArn only' : 'containerName + containerPort',
  help: [
    "The seed's rules: with the awsvpc network mode and SRV records, give either containerName and containerPort, or just port — not both. With SRV records but not awsvpc, containerName and containerPort are required. With awsvpc and A records only, none is needed (port is used only with SRV records).",
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'How does the service register? (awsvpc with SRV records: one or the other, not both)',
    initial: answers.discovery?.use === 'port' ? 'port' : 'container',
    options: [
      {value: 'container', label: 'containerName + containerPort', detail: 'a container and one of its mapped ports'},
      {value: 'port', label: 'port', detail: 'a port number alone'},
    ],
    submit: (value) => {
      if (!answers.discovery) return undefined;
      const discovery = {...answers.discovery, use: value as 'container' | 'port'};
      if (value === 'container') delete discovery.port;
      else {
        delete discovery.containerName;
        delete discovery.containerPort;
      }
      return {answers: {...answers, discovery}};
    },
  }),
};
