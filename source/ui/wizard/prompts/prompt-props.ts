/** What every prompt view gets besides its prompt. */
import type {Submission} from '../../../operations/wizard/question.js';

export interface PromptViewProps<P> {
  prompt: P;
  active: boolean;
  onHelp: () => void;
  /** The prompt's answer (nothing: the question stays as it is). */
  submit: (submission: Submission | undefined) => void;
  /** Back one step (an action prompt's "No, go back"). */
  back: () => void;
}
