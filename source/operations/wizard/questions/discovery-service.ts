/** 6. Picking a Cloud Map service: the service of the namespace (its DNS records decide what is allowed). */
import {discoveryRule} from '../discovery.js';
import {taskNetworkMode} from '../container-spec.js';
import type {Question} from '../question.js';
import {listLine, shortArn} from '../summary-text.js';

/** The collapsed line of a chosen Cloud Map service: its records and ARN. */
export const cloudMapServiceLine = (discovery: {registryArn: string; recordTypes?: string[]} | null | undefined): string =>
  `${discovery?.recordTypes ? `${listLine(discovery.recordTypes)} records · ` : ''}${shortArn(discovery?.registryArn)}`;

export const discoveryService: Question = {
  id: 'discovery-service',
  section: 5,
  label: 'Cloud Map service',
  applies: (ctx) => ctx.choices.discovery === 'pick',
  summary: (ctx) => cloudMapServiceLine(ctx.answers.discovery),
  help: ['Whether the service uses SRV records or only A records decides which settings are allowed (see the next step); it is read from Cloud Map.'],
  prompt: ({ctx: {answers, choices}, services}) => {
    const mode = taskNetworkMode(answers);
    return {
      kind: 'picker',
      label: 'Cloud Map service',
      what: 'services in the namespace',
      load: async () => {
        const listing = await services.discoveryServices(choices['discovery-namespace'] ?? '');
        if (!listing.ok) return listing;
        return {
          ok: true,
          items: listing.items.map((service) => ({
            value: service.arn,
            label: service.name,
            detail: `${service.recordTypes.join('+') || 'no DNS'} records`,
            ...(discoveryRule(mode, service.recordTypes) === 'needs-srv'
              ? {
                  disabled: `Without awsvpc (this task uses ${mode}), service discovery needs SRV records and ${service.name} has ${service.recordTypes.join(', ') || 'no DNS'} records only`,
                }
              : {}),
          })),
        };
      },
      initial: answers.discovery?.registryArn,
      check: {
        progress: 'Reading its DNS records…',
        run: async ([arn]) => {
          const found = await services.discoveryService(arn!);
          return found.status === 'found' ? {ok: true, value: [arn!, found.value.recordTypes.join(',')]} : {ok: true, value: [arn!]};
        },
      },
      submit: ([arn, types]) => {
        const previous = answers.discovery && answers.discovery.registryArn === arn ? answers.discovery : {};
        const recordTypes = types === undefined ? undefined : types.split(',').filter(Boolean);
        return {answers: {...answers, discovery: {...previous, registryArn: arn!, ...(recordTypes ? {recordTypes} : {})}}};
      },
    };
  },
};
