/** 9. The environment's ECS cluster: listed from the region, or a new name created at the first deploy (--cluster). */
import {ECS_NAME_PATTERN} from '../../../domain/aws-names.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {flagEnvironments, perEnvironment} from '../environment-flags.js';
import {envOf, patchEnvironment, type Question} from '../question.js';

export function checkClusterName(text: string): Checked<string> {
  let cluster = text.trim();
  const arn = /^arn:aws[a-z-]*:ecs:[^:]+:\d{12}:cluster\/(.+)$/.exec(cluster);
  if (arn) cluster = arn[1]!;
  if (cluster === '') return bad('Give the cluster name (a new name is created at deploy time)');
  if (!ECS_NAME_PATTERN.test(cluster)) return bad(`"${cluster}" cannot be a cluster name: use letters, digits, _ and - (up to 255)`);
  return ok(cluster);
}

export const envCluster: Question = {
  id: 'env-cluster',
  section: 8,
  perEnv: true,
  label: 'Cluster',
  summary: (ctx) => `${envOf(ctx).cluster ?? ''}${ctx.choices[`env-cluster#${ctx.env}`] === 'new' ? ' (created at deploy)' : ''}`,
  help: ['The ECS cluster the service runs in. The clusters of the region are listed; type a new name to have it created at the first deploy.'],
  prompt: ({ctx, services}) => {
    const env = envOf(ctx);
    const region = env.region ?? services.defaultRegion() ?? 'us-east-1';
    return {
      kind: 'picker',
      label: 'ECS cluster',
      hint: 'Type a new name to have it created at the first deploy.',
      what: `clusters in ${region}`,
      load: async () => {
        const listing = await services.clusters(region);
        if (!listing.ok) return listing;
        return {ok: true, items: listing.items.map((name) => ({value: name, label: name}))};
      },
      free: {validate: checkClusterName, hint: 'a cluster name (new names are created at deploy)'},
      initial: env.cluster,
      submit: ([cluster], _note, listed) => ({
        answers: patchEnvironment(ctx.answers, ctx.env, {cluster: cluster!}),
        choices: {[`env-cluster#${ctx.env}`]: listed === undefined ? 'typed' : listed.some((item) => item.value === cluster) ? 'existing' : 'new'},
      }),
    };
  },
  flags: [{name: 'cluster', type: 'string', multiple: true, value: 'C', description: "the environment's ECS cluster (a new name is created at deploy)"}],
  fields: {'environment.cluster': '--cluster'},
  fromFlags(draft) {
    const clusters = perEnvironment(draft, 'cluster');
    flagEnvironments(draft)?.forEach((environment, index) => {
      const cluster = clusters[index];
      if (cluster === undefined) return;
      const checked = checkClusterName(cluster);
      if (checked.ok) {
        environment.cluster = checked.value;
        draft.given[`env-cluster#${index}`] = '--cluster';
      } else draft.fail('--cluster', checked.message);
    });
  },
};
