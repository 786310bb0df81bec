/** 9. The security groups of awsvpc tasks, from the VPC of the chosen subnets (--security-groups a,b). */
import {parseIds} from '../answer-checks.js';
import {taskNetworkMode} from '../container-spec.js';
import {idsFromFlags} from '../environment-flags.js';
import {envOf, patchEnvironment, type Question} from '../question.js';
import {listLine} from '../summary-text.js';
import {subnetVpcs} from './env-subnets.js';

export const envSecurityGroups: Question = {
  id: 'env-security-groups',
  section: 8,
  perEnv: true,
  label: 'Security groups',
  applies: (ctx) => taskNetworkMode(ctx.answers) === 'awsvpc',
  valid: (ctx) => (envOf(ctx).securityGroups ?? []).length > 0,
  summary: (ctx) => listLine(envOf(ctx).securityGroups),
  help: ["The security groups of the tasks' network interfaces: they decide which traffic reaches the containers' ports."],
  prompt: ({ctx, services}) => {
    const env = envOf(ctx);
    const region = env.region ?? services.defaultRegion() ?? 'us-east-1';
    return {
      kind: 'picker',
      multi: true,
      label: 'Security groups of the tasks (awsvpc)',
      hint: 'Space selects; Enter takes the selection.',
      what: `security groups in ${region}`,
      load: async () => {
        const listing = await services.securityGroups(region);
        if (!listing.ok) return listing;
        // Security groups must be in the VPC of the chosen subnets: the others are shown, not offered.
        const vpcs = new Set((env.subnets ?? []).map((id) => subnetVpcs.get(id)).filter((vpc): vpc is string => vpc !== undefined));
        const items = listing.items.map((group) => ({
          value: group.id,
          label: group.id,
          detail: [group.name, group.vpcId].filter(Boolean).join('  '),
          ...(vpcs.size > 0 && group.vpcId !== undefined && !vpcs.has(group.vpcId)
            ? {disabled: `${group.id} is in ${group.vpcId}, not in the VPC of the chosen subnets (${[...vpcs].join(', ')})`}
            : {}),
        }));
        return {ok: true, items: [...items.filter((item) => !('disabled' in item)), ...items.filter((item) => 'disabled' in item)]};
      },
      free: {
        validate: (text) => {
          const ids = parseIds(text, 'sg');
          return ids.ok ? {ok: true, value: ids.value.join(',')} : ids;
        },
        hint: 'security group ids, comma separated',
      },
      parseMany: (text) => parseIds(text, 'sg'),
      initialSelected: env.securityGroups,
      submit: (values) => ({answers: patchEnvironment(ctx.answers, ctx.env, {securityGroups: values.flatMap((value) => value.split(','))})}),
    };
  },
  flags: [{name: 'security-groups', type: 'string', multiple: true, value: 'a,b', description: 'awsvpc: security group ids'}],
  fields: {'environment.securityGroups': '--security-groups'},
  fromFlags(draft) {
    idsFromFlags(draft, {flag: 'security-groups', kind: 'sg', question: 'env-security-groups', set: (environment, ids) => (environment.securityGroups = ids)});
  },
};
