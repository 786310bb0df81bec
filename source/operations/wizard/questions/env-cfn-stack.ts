/** 9. The CloudFormation stack whose outputs fill the environment (--cfn-stack, a flag of env-source). */
import {environmentFromOutputs, provisionerAnswer} from '../provisioner-outputs.js';
import {choiceOf, patchEnvironment, envOf, type Question} from '../question.js';

export const envCfnStack: Question = {
  id: 'env-cfn-stack',
  section: 8,
  perEnv: true,
  label: 'CloudFormation stack',
  applies: (ctx) => choiceOf(ctx, 'env-source', true) === 'cloudformation',
  summary: (ctx) => ctx.choices[`env-cfn-stack#${ctx.env}`] ?? '',
  help: ["The stack's outputs (ClusterName, Subnets, SecurityGroup, ExecutionRoleArn…) become the defaults of the next questions."],
  prompt: ({ctx, services}) => {
    const region = envOf(ctx).region ?? services.defaultRegion() ?? 'us-east-1';
    return {
      kind: 'picker',
      label: 'CloudFormation stack',
      what: `stacks in ${region}`,
      load: async () => {
        const listing = await services.stacks(region);
        return listing.ok ? {ok: true, items: listing.items.map((stack) => ({value: stack.name, label: stack.name, detail: stack.status}))} : listing;
      },
      free: {validate: (text) => (text.trim() === '' ? {ok: false, message: 'Give the stack name'} : {ok: true, value: text.trim()}), hint: 'the stack name'},
      initial: ctx.choices[`env-cfn-stack#${ctx.env}`],
      check: {
        progress: 'Reading the stack outputs (cloudformation:DescribeStacks)…',
        run: async ([stack]) => {
          const outputs = await services.stackOutputs(stack!, region);
          if (outputs.status === 'missing') return {ok: false, message: `No stack ${stack} in ${region}`};
          if (outputs.status === 'unknown') return {ok: false, message: `Cannot read the stack: ${outputs.reason}. Go back (esc) and type the values.`};
          const filled = environmentFromOutputs(outputs.value);
          if (filled.used.length === 0)
            return {ok: false, message: `Stack ${stack} has no outputs the environment can use (${Object.keys(outputs.value).join(', ') || 'no outputs'})`};
          return {ok: true, value: [stack!, JSON.stringify(filled)]};
        },
      },
      submit: ([stack, filledJson]) => {
        const filled = JSON.parse(filledJson!) as ReturnType<typeof environmentFromOutputs>;
        return {
          answers: patchEnvironment(ctx.answers, ctx.env, {
            ...filled.values,
            filledFrom: `CloudFormation stack ${stack}`,
            provisioner: provisionerAnswer({kind: 'cloudformation', stack: stack!, region}, filled),
          }),
          choices: {[`env-cfn-stack#${ctx.env}`]: stack!},
          notice: `From the stack's outputs: ${filled.used.join(', ')} (each is asked next, filled in)`,
        };
      },
    };
  },
};
