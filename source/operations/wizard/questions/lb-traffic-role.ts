/**
 * 5. BLUE_GREEN / LINEAR / CANARY: the IAM role ECS assumes to change the listener rules
 * (advancedConfiguration.roleArn): picked from the roles trusting ecs.amazonaws.com, typed, or created —
 * IAM is changed only after a yes (or with --create-traffic-role --apply-iam).
 */
import {DEFAULT_TRAFFIC_ROLE_NAME, ECS_PRINCIPAL, LOAD_BALANCER_ROLE_POLICY_ARN, trustsService} from '../../../domain/load-balancer.js';
import {checkArnAnswer} from '../answer-checks.js';
import {attaching, shiftsTraffic} from '../load-balancer.js';
import type {Question} from '../question.js';
import {shortArn} from '../summary-text.js';

export const lbTrafficRole: Question = {
  id: 'lb-traffic-role',
  section: 4,
  label: 'Traffic role',
  applies: (ctx) => attaching(ctx) && shiftsTraffic(ctx.answers),
  valid: (ctx) => ctx.answers.loadBalancer?.roleArn !== undefined || ctx.choices['lb-traffic-role'] === 'create',
  summary: (ctx) =>
    ctx.choices['lb-traffic-role'] === 'create' && ctx.answers.loadBalancer?.roleArn === undefined
      ? `create ${DEFAULT_TRAFFIC_ROLE_NAME}`
      : shortArn(ctx.answers.loadBalancer?.roleArn),
  help: [
    `ECS moves traffic by changing the listener rules itself, as an IAM role that trusts ${ECS_PRINCIPAL} (ECS, not its tasks) and may change them: AWS documents the managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers for it.`,
  ],
  prompt: ({ctx, services}) => ({
    kind: 'picker',
    label: 'Traffic role (lets ECS change the listener rules)',
    hint: `Roles that trust ${ECS_PRINCIPAL} are listed.`,
    what: `roles trusting ${ECS_PRINCIPAL}`,
    load: async () => {
      const listing = await services.trafficRoles();
      if (!listing.ok) return listing;
      return {ok: true, items: listing.items.map((role) => ({value: role.arn, label: role.name, detail: role.arn}))};
    },
    extra: (listed) =>
      (listed ?? []).some((role) => role.label === DEFAULT_TRAFFIC_ROLE_NAME)
        ? []
        : [
            {
              value: 'create',
              label: `Create ${DEFAULT_TRAFFIC_ROLE_NAME}`,
              detail: 'trust ecs.amazonaws.com + AmazonECSInfrastructureRolePolicyForLoadBalancers (asks first)',
            },
          ],
    free: {validate: (text) => checkArnAnswer('iamRole', text, 'the role ARN'), hint: 'a role ARN'},
    initial: ctx.choices['lb-traffic-role'] === 'create' && ctx.answers.loadBalancer?.roleArn === undefined ? 'create' : ctx.answers.loadBalancer?.roleArn,
    check: {
      progress: 'Checking the role (iam:GetRole)…',
      run: async ([value]) => {
        if (value === 'create') return {ok: true};
        const found = await services.role(value!);
        if (found.status === 'missing')
          return {ok: false, message: `No role ${value!.split('/').pop()} in this account: check the ARN, or choose Create ${DEFAULT_TRAFFIC_ROLE_NAME}`};
        if (found.status === 'unknown') return {ok: true, note: `Could not check the role: ${found.reason}`};
        if (!trustsService(found.value.trustPolicy, ECS_PRINCIPAL))
          return {ok: false, message: `${found.value.name} does not trust ${ECS_PRINCIPAL}, so ECS cannot use it to change the listener rules`};
        return {ok: true};
      },
    },
    submit: ([value], note) => {
      if (value === 'create') return {choices: {'lb-traffic-role': 'create'}};
      return {
        answers: {...ctx.answers, loadBalancer: {...(ctx.answers.loadBalancer ?? {}), roleArn: value!}},
        choices: {'lb-traffic-role': 'pick'},
        ...(note ? {notice: note} : {}),
      };
    },
  }),
  flags: [
    {name: 'traffic-role', type: 'string', value: 'ARN', description: 'blue/green, linear, canary: the role that lets ECS change the listener rules'},
    {
      name: 'create-traffic-role',
      type: 'boolean',
      description: `create ${DEFAULT_TRAFFIC_ROLE_NAME} (trusts ecs.amazonaws.com, ${LOAD_BALANCER_ROLE_POLICY_ARN.split('/').pop()}; needs --apply-iam) and use it`,
    },
  ],
  fromFlags(draft) {
    const role = draft.take('traffic-role', draft.value('traffic-role'), (text) => checkArnAnswer('iamRole', text, 'the traffic role ARN'));
    const create = draft.isSet('create-traffic-role');
    if (role === undefined && !create) return;
    if (!draft.answers.loadBalancer) {
      draft.fail(role === undefined ? '--create-traffic-role' : '--traffic-role', 'give the target group too (--target-group ARN)');
      return;
    }
    if (role !== undefined && create) {
      draft.fail('--traffic-role', 'give either --traffic-role ARN or --create-traffic-role, not both');
      return;
    }
    if (role !== undefined) {
      draft.answers = {...draft.answers, loadBalancer: {...draft.answers.loadBalancer, roleArn: role}};
      draft.given['lb-traffic-role'] = '--traffic-role';
    } else {
      draft.choices['lb-traffic-role'] = 'create';
      draft.given['lb-traffic-role'] = '--create-traffic-role';
    }
  },
};
