/** 2. The service: the microservice deployed — its name is the ECS service's and its task definition family's. */
import {ECS_NAME_PATTERN} from '../../../domain/aws-names.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {textPrompt, type Question} from '../question.js';

export function checkServiceName(text: string): Checked<string> {
  const name = text.trim();
  if (name === '') return bad('Give the service a name, e.g. web-api');
  if (!ECS_NAME_PATTERN.test(name)) return bad(`"${name}" cannot be an ECS service name: use letters, digits, _ and - (up to 255), e.g. web-api`);
  return ok(name);
}

export const service: Question = {
  id: 'service',
  section: 1,
  label: 'Service',
  summary: (ctx) => `${ctx.answers.serviceName ?? ''} (deployment type: Amazon ECS)`,
  help: [
    'A service represents your microservice: the artifact source (a Docker image), the ECS container and service specifications, and the runtime variables used for deployment.',
    'It is different from an ECS service: an ECS service is a specified number of task definition instances run and maintained simultaneously in an Amazon ECS cluster. The name given here is the name of the ECS service deployed, and of its task definition family.',
  ],
  prompt: ({ctx}) =>
    textPrompt({
      label: 'Service name',
      hint: 'Deployment type: Amazon ECS. Letters, digits, _ and -; it names the ECS service and its task definition family.',
      initial: ctx.answers.serviceName,
      validate: checkServiceName,
      submit: (value) => ({answers: {...ctx.answers, serviceName: value}}),
    }),
  flags: [{name: 'service', type: 'string', value: 'NAME', description: 'service name (the ECS service and its task definition family)'}],
  fields: {serviceName: '--service'},
  fromFlags(draft) {
    const serviceName = draft.take('service', draft.value('service'), checkServiceName);
    if (serviceName === undefined) return;
    draft.answers = {...draft.answers, serviceName};
    draft.given.service = '--service';
  },
};
