/** 4. The launch type: EC2 (container instances of the cluster) or Fargate (no servers to manage). */
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import type {Question} from '../question.js';

export const launchType: Question = {
  id: 'launch-type',
  section: 3,
  label: 'Launch type',
  summary: (ctx) => (ctx.answers.launchType === 'FARGATE' ? 'Fargate' : 'EC2'),
  help: [
    'EC2 runs the tasks on container instances of your cluster; Fargate runs them without servers to manage.',
    'The simplified container settings are for EC2 clusters only. For Fargate (or advanced EC2) you use the JSON (Advanced Settings): Fargate requires it because you must use the ${EXECUTION_ROLE} placeholder.',
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'Launch type',
    initial: answers.launchType,
    options: [
      {value: 'FARGATE', label: 'Fargate', detail: 'no servers to manage; uses the Advanced JSON and awsvpc'},
      {value: 'EC2', label: 'EC2', detail: 'container instances of your cluster; simplified form or Advanced JSON'},
    ],
    submit: (value) => {
      const next: WizardAnswers = {...answers, launchType: value as 'EC2' | 'FARGATE'};
      // The network mode and the container mode follow from the launch type: asked again after a change.
      if (value !== answers.launchType) {
        delete next.networkMode;
        delete next.containerMode;
      }
      return {answers: next};
    },
  }),
  flags: [{name: 'launch-type', type: 'string', value: 'EC2|FARGATE', description: 'launch type'}],
  fields: {launchType: '--launch-type'},
  fromFlags(draft) {
    const flag = draft.value('launch-type');
    if (flag === undefined) return;
    const upper = flag.trim().toUpperCase();
    if (upper === 'EC2' || upper === 'FARGATE') {
      draft.answers = {...draft.answers, launchType: upper};
      draft.given['launch-type'] = '--launch-type';
    } else draft.fail('--launch-type', `"${flag}" is not a launch type: EC2 or FARGATE`);
  },
};
