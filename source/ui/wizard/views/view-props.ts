/** What the view of a question gets from the wizard screen (a prompt view, or a bespoke one of views/). */
import type {Profile} from '../../../domain/model.js';
import type {StepContext, StepRef, Submission} from '../../../operations/wizard/question.js';
import type {WizardServices} from '../../../operations/wizard/services.js';

export interface QuestionViewProps {
  stepRef: StepRef;
  ctx: StepContext;
  password?: string;
  services: WizardServices;
  active: boolean;
  width: number;
  submit: (submission: Submission) => void;
  back: () => void;
  help: () => void;
  /** The review's "change an answer". */
  change: () => void;
  /** The profile was saved. */
  saved: (profile: Profile) => void;
}
