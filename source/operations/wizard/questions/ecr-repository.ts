/** 3. The Amazon ECR repository (listed from the account, or typed as a URI; --image gives it). */
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import {parseImageReference} from '../../../domain/image.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import type {Question} from '../question.js';

/** An ECR repository given as its URI (`123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api`). */
export function checkEcrRepositoryUri(text: string): Checked<{host: string; image: string; tag?: string}> {
  const parsed = parseImageReference(text.trim());
  if (parsed === undefined || parsed.registry !== 'ecr') {
    return bad(`"${text.trim()}" is not an ECR repository URI: write it like 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api`);
  }
  return ok(parsed.tag === undefined ? {host: parsed.host, image: parsed.image} : {host: parsed.host, image: parsed.image, tag: parsed.tag});
}

export const ecrRepository: Question = {
  id: 'ecr-repository',
  section: 2,
  label: 'ECR repository',
  applies: (ctx) => ctx.answers.registry === 'ecr',
  summary: (ctx) => (ctx.answers.registryHost === undefined ? '' : `${ctx.answers.registryHost}/${ctx.answers.image ?? ''}`),
  help: [
    'The ECR repositories of your account are listed (ecr:DescribeRepositories). You can also type a repository URI: 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api.',
  ],
  prompt: ({ctx: {answers}, services}) => ({
    kind: 'picker',
    label: 'ECR repository',
    what: `ECR repositories in ${services.defaultRegion() ?? 'the default region'}`,
    load: async () => {
      const listing = await services.ecrRepositories();
      return listing.ok
        ? {ok: true, items: listing.items.map((repository) => ({value: repository.uri, label: repository.name, detail: repository.uri}))}
        : listing;
    },
    free: {
      validate: (text) => {
        const checked = checkEcrRepositoryUri(text);
        return checked.ok ? {ok: true, value: text.trim()} : checked;
      },
      hint: 'a repository URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api',
    },
    initial: answers.registryHost && answers.image ? `${answers.registryHost}/${answers.image}` : undefined,
    submit: ([uri]) => {
      const checked = checkEcrRepositoryUri(uri!);
      if (!checked.ok) return undefined;
      const next: WizardAnswers = {...answers, registryHost: checked.value.host, image: checked.value.image};
      if (checked.value.tag !== undefined && answers.tag === undefined) next.tag = checked.value.tag;
      return {answers: next};
    },
  }),
};
