/** 9. The Terraform state file whose outputs fill the environment (--tf-state, a flag of env-source). */
import {environmentFromOutputs, provisionerAnswer} from '../provisioner-outputs.js';
import {choiceOf, patchEnvironment, textPrompt, type Question} from '../question.js';

export const envTfState: Question = {
  id: 'env-tf-state',
  section: 8,
  perEnv: true,
  label: 'Terraform state',
  applies: (ctx) => choiceOf(ctx, 'env-source', true) === 'terraform',
  summary: (ctx) => ctx.choices[`env-tf-state#${ctx.env}`] ?? '',
  help: [
    'The path of a terraform.tfstate file (or the output of `terraform state pull` saved to a file). Its outputs (cluster_name, private_subnets, security_group_id, execution_role_arn…) become the defaults of the next questions.',
  ],
  prompt: ({ctx, services}) =>
    textPrompt({
      label: 'Terraform state file',
      initial: ctx.choices[`env-tf-state#${ctx.env}`],
      suggestion: ctx.choices[`env-tf-state#${ctx.env}`] === undefined ? 'terraform.tfstate' : undefined,
      validate: (text) => (text.trim() === '' ? {ok: false, message: 'Give the path of the state file'} : {ok: true, value: text.trim()}),
      check: {
        progress: 'Reading the state file…',
        run: async (path) => {
          const outputs = await services.terraformOutputs(path);
          if (outputs.status !== 'found') return {ok: false, message: outputs.status === 'unknown' ? outputs.reason : `No state at ${path}`};
          const filled = environmentFromOutputs(outputs.value);
          if (filled.used.length === 0)
            return {ok: false, message: `${path} has no outputs the environment can use (${Object.keys(outputs.value).join(', ') || 'no outputs'})`};
          return {ok: true, value: `${path}\u0000${JSON.stringify(filled)}`};
        },
      },
      submit: (value) => {
        const [path, filledJson] = value.split('\u0000') as [string, string];
        const filled = JSON.parse(filledJson) as ReturnType<typeof environmentFromOutputs>;
        return {
          answers: patchEnvironment(ctx.answers, ctx.env, {
            ...filled.values,
            filledFrom: `Terraform state ${path}`,
            provisioner: provisionerAnswer({kind: 'terraform', path: services.terraformPath(path)}, filled),
          }),
          choices: {[`env-tf-state#${ctx.env}`]: path},
          notice: `From the state's outputs: ${filled.used.join(', ')} (each is asked next, filled in)`,
        };
      },
    }),
};
