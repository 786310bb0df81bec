/**
 * 6. Service discovery: none, or a Cloud Map service the ECS service registers with (picked from the account,
 * or its ARN pasted). Its flags give the whole section: the service, its records and how it registers.
 */
import {checkArnAnswer, checkInteger} from '../answer-checks.js';
import {specContainers} from '../container-spec.js';
import type {Question} from '../question.js';

export const discovery: Question = {
  id: 'discovery',
  section: 5,
  label: 'Service discovery',
  summary: (ctx) =>
    ({pick: 'a Cloud Map service of the account', paste: 'a Cloud Map service by ARN', none: 'none'})[
      ctx.choices.discovery ?? (ctx.answers.discovery ? 'paste' : 'none')
    ] ?? 'none',
  help: [
    'ecs-wizard does not create a Cloud Map (service discovery) service, but registers the ECS service it deploys with one, so that other services find its tasks through DNS (Route 53 SRV and A records). ECS replaces records as tasks come and go.',
    'Pick the Cloud Map service from your account, or paste its ARN (arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-…).',
  ],
  prompt: ({ctx: {answers, choices}, services}) => ({
    kind: 'select',
    label: 'Service discovery (AWS Cloud Map)',
    initial: choices.discovery ?? (answers.discovery ? 'paste' : 'none'),
    options: [
      {value: 'none', label: 'No service discovery'},
      {value: 'pick', label: 'Pick a Cloud Map service', detail: `listed from ${services.defaultRegion() ?? 'the default region'}`},
      {value: 'paste', label: 'Paste the Cloud Map service ARN', detail: 'arn:aws:servicediscovery:…:service/srv-…'},
    ],
    submit: (value) => ({
      answers: value === 'none' ? {...answers, discovery: null} : {...answers, discovery: answers.discovery ?? undefined},
      choices: {discovery: value},
    }),
  }),
  flags: [
    {name: 'registry-arn', type: 'string', value: 'ARN', description: 'service discovery: the Cloud Map service ARN'},
    {name: 'discovery-container', type: 'string', value: 'NAME', description: "service discovery: containerName (default: the artifact's container)"},
    {
      name: 'discovery-container-port',
      type: 'string',
      value: 'N',
      description: 'service discovery: containerPort (a mapped port; becomes ${serviceVariable.containerPort})',
    },
    {name: 'discovery-port', type: 'string', value: 'N', description: 'service discovery: port (awsvpc with SRV records only)'},
    {name: 'discovery-records', type: 'string', value: 'SRV|A', description: 'service discovery: the record types, when Cloud Map cannot be asked'},
  ],
  fields: {discovery: '--registry-arn/--discovery-container-port/--discovery-port'},
  fromFlags(draft) {
    const registryArn = draft.take('registry-arn', draft.value('registry-arn'), (text) => checkArnAnswer('cloudMapService', text, 'the Cloud Map service ARN'));
    const containerPort = draft.take('discovery-container-port', draft.value('discovery-container-port'), (text) =>
      checkInteger(text, 'the discovery container port', {min: 1, max: 65535}),
    );
    const port = draft.take('discovery-port', draft.value('discovery-port'), (text) => checkInteger(text, 'the discovery port', {min: 1, max: 65535}));
    const records = draft.value('discovery-records');
    if (registryArn !== undefined) {
      draft.answers = {...draft.answers, discovery: {registryArn}};
      draft.given.discovery = '--registry-arn';
      draft.given['discovery-arn'] = '--registry-arn';
      draft.choices.discovery = 'paste';
    } else if ((containerPort ?? port ?? records) !== undefined && !draft.answers.discovery) {
      draft.fail('--registry-arn', 'the discovery flags need --registry-arn (the Cloud Map service ARN)');
    }
    const current = draft.answers.discovery;
    if (!current) {
      if (!draft.interactive && current === undefined) draft.answers = {...draft.answers, discovery: null};
      return;
    }
    if (records !== undefined) {
      const upper = records.trim().toUpperCase();
      if (upper !== 'SRV' && upper !== 'A') draft.fail('--discovery-records', `"${records}" is not SRV or A`);
      else {
        draft.answers = {...draft.answers, discovery: {...current, recordTypes: [upper]}};
        draft.given['discovery-srv'] = '--discovery-records';
      }
    }
    const registry = draft.answers.discovery!;
    if (containerPort !== undefined && port !== undefined) {
      draft.fail('--discovery-port', 'give either --discovery-container-port (containerName + containerPort) or --discovery-port, never both');
    } else if (containerPort !== undefined) {
      const containers = specContainers(draft.answers);
      const named = draft.value('discovery-container');
      const containerName = named ?? containers.find((container) => container.name === '${CONTAINER_NAME}')?.name ?? containers[0]?.name ?? '${CONTAINER_NAME}';
      draft.answers = {...draft.answers, discovery: {...registry, use: 'container', containerName, containerPort}};
      Object.assign(draft.given, {
        'discovery-use': '--discovery-container-port',
        'discovery-container': named === undefined ? 'the artifact container' : '--discovery-container',
        'discovery-container-port': '--discovery-container-port',
      });
    } else if (port !== undefined) {
      draft.answers = {...draft.answers, discovery: {...registry, use: 'port', port}};
      Object.assign(draft.given, {'discovery-use': '--discovery-port', 'discovery-port': '--discovery-port'});
    }
  },
};
