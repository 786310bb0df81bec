/** 6. The Cloud Map service's DNS records, when Cloud Map could not be asked (--discovery-records). */
import {taskNetworkMode} from '../container-spec.js';
import type {Question} from '../question.js';
import {listLine} from '../summary-text.js';

export const discoverySrv: Question = {
  id: 'discovery-srv',
  section: 5,
  label: 'DNS records',
  applies: (ctx) => Boolean(ctx.answers.discovery) && ctx.answers.discovery?.recordTypes === undefined,
  valid: (ctx) => ctx.answers.discovery?.recordTypes !== undefined,
  summary: (ctx) => listLine(ctx.answers.discovery?.recordTypes),
  help: [
    'Cloud Map could not be asked which DNS records the service has. SRV records carry a port; A records only an address. Look in the Cloud Map console (Service → DNS configuration) if unsure.',
  ],
  prompt: ({ctx: {answers}}) => {
    const mode = taskNetworkMode(answers);
    return {
      kind: 'select',
      label: 'Which DNS records does the Cloud Map service have?',
      options: [
        {value: 'SRV', label: 'SRV records', detail: 'address and port (SRV, usually with A)'},
        {
          value: 'A',
          label: 'A records only',
          detail: 'addresses only',
          ...(mode === 'awsvpc'
            ? {}
            : {
                disabled: `Without awsvpc (this task uses ${mode}), service discovery needs SRV records: use a Cloud Map service with SRV records, or go back and choose awsvpc`,
              }),
        },
      ],
      submit: (value) =>
        answers.discovery ? {answers: {...answers, discovery: {...answers.discovery, recordTypes: value === 'SRV' ? ['SRV'] : ['A']}}} : undefined,
    };
  },
};
