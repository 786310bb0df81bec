/** 9. The subnets of awsvpc tasks, chosen with space (--subnets a,b). */
import {parseIds} from '../answer-checks.js';
import {taskNetworkMode} from '../container-spec.js';
import {idsFromFlags} from '../environment-flags.js';
import {envOf, patchEnvironment, type Question} from '../question.js';
import {listLine} from '../summary-text.js';

/** The VPC of each subnet listed (the security groups offered next are those of that VPC). */
export const subnetVpcs = new Map<string, string>();

export const envSubnets: Question = {
  id: 'env-subnets',
  section: 8,
  perEnv: true,
  label: 'Subnets',
  applies: (ctx) => taskNetworkMode(ctx.answers) === 'awsvpc',
  valid: (ctx) => (envOf(ctx).subnets ?? []).length > 0,
  summary: (ctx) => listLine(envOf(ctx).subnets),
  help: [
    'awsvpc tasks get a network interface in one of these subnets. Choose subnets in at least two availability zones for resilience. Private subnets need a NAT gateway (or VPC endpoints) to pull images; public subnets need a public IP on Fargate.',
  ],
  prompt: ({ctx, services}) => {
    const env = envOf(ctx);
    const region = env.region ?? services.defaultRegion() ?? 'us-east-1';
    return {
      kind: 'picker',
      multi: true,
      label: 'Subnets of the tasks (awsvpc)',
      hint: 'Space selects (two or more availability zones are best); Enter takes the selection.',
      what: `subnets in ${region}`,
      load: async () => {
        const listing = await services.subnets(region);
        if (!listing.ok) return listing;
        for (const subnet of listing.items) subnetVpcs.set(subnet.id, subnet.vpcId);
        return {
          ok: true,
          items: listing.items.map((subnet) => ({
            value: subnet.id,
            label: subnet.id,
            detail: [subnet.name, subnet.availabilityZone, subnet.cidr, subnet.mapPublicIpOnLaunch ? 'public' : 'private', subnet.vpcId]
              .filter(Boolean)
              .join('  '),
          })),
        };
      },
      free: {
        validate: (text) => {
          const ids = parseIds(text, 'subnet');
          return ids.ok ? {ok: true, value: ids.value.join(',')} : ids;
        },
        hint: 'subnet ids, comma separated',
      },
      parseMany: (text) => parseIds(text, 'subnet'),
      initialSelected: env.subnets,
      submit: (values) => ({answers: patchEnvironment(ctx.answers, ctx.env, {subnets: values.flatMap((value) => value.split(','))})}),
    };
  },
  flags: [{name: 'subnets', type: 'string', multiple: true, value: 'a,b', description: 'awsvpc: subnet ids'}],
  fields: {'environment.subnets': '--subnets'},
  fromFlags(draft) {
    idsFromFlags(draft, {flag: 'subnets', kind: 'subnet', question: 'env-subnets', set: (environment, ids) => (environment.subnets = ids)});
  },
};
