/** 6. The Cloud Map service by its ARN (registryArn; --registry-arn, a flag of discovery). */
import {arnRegion, checkArnAnswer} from '../answer-checks.js';
import {taskNetworkMode} from '../container-spec.js';
import {discoveryRule} from '../discovery.js';
import {textPrompt, type Question} from '../question.js';
import {cloudMapServiceLine} from './discovery-service.js';

export const discoveryArn: Question = {
  id: 'discovery-arn',
  section: 5,
  label: 'Cloud Map service',
  applies: (ctx) => ctx.choices.discovery === 'paste',
  summary: (ctx) => cloudMapServiceLine(ctx.answers.discovery),
  help: [
    'registryArn is the ARN of the Cloud Map service: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno. `aws ecs describe-services` shows the one an existing service uses.',
  ],
  prompt: ({ctx: {answers}, services}) =>
    textPrompt({
      label: 'Cloud Map service ARN (registryArn)',
      initial: answers.discovery?.registryArn,
      placeholder: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-…',
      validate: (text) => {
        const checked = checkArnAnswer('cloudMapService', text, 'the Cloud Map service ARN');
        return checked.ok ? {ok: true, value: {arn: checked.value} as {arn: string; recordTypes?: string[]}} : checked;
      },
      check: {
        progress: 'Reading the Cloud Map service (servicediscovery:GetService)…',
        run: async (value) => {
          const found = await services.discoveryService(value.arn);
          if (found.status === 'missing')
            return {
              ok: false,
              message: `No Cloud Map service ${value.arn.split('/').pop()} in ${arnRegion(value.arn) ?? 'that region'}: check the ARN (aws servicediscovery list-services)`,
            };
          if (found.status === 'unknown') return {ok: true, value, note: `Could not read its DNS records (${found.reason}): you will be asked.`};
          const rule = discoveryRule(taskNetworkMode(answers), found.value.recordTypes);
          if (rule === 'needs-srv')
            return {
              ok: false,
              message: `Without awsvpc, service discovery needs SRV records, and ${found.value.name} has ${found.value.recordTypes.join(', ') || 'no DNS'} records only: use another Cloud Map service`,
            };
          return {ok: true, value: {arn: value.arn, recordTypes: found.value.recordTypes}};
        },
      },
      submit: (value, note) => {
        const previous = answers.discovery && answers.discovery.registryArn === value.arn ? answers.discovery : {};
        const discovery = {...previous, registryArn: value.arn, ...(value.recordTypes ? {recordTypes: value.recordTypes} : {})};
        if (!value.recordTypes) delete (discovery as {recordTypes?: string[]}).recordTypes;
        return {answers: {...answers, discovery}, ...(note ? {notice: note} : {})};
      },
    }),
};
