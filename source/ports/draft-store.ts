/** Where the setup wizard keeps a half-done setup between runs. */
import type {WizardAnswers} from '../domain/wizard-answers.js';

export interface WizardDraft {
  answers: WizardAnswers;
  /** The wizard's flow choices and the steps answered (to resume where the person left). */
  choices: Record<string, string>;
  done: string[];
  /** ISO-8601. */
  savedAt: string;
}

/** Where a half-done setup is kept (never a password: the answers hold none). */
export interface DraftStore {
  load(): Promise<WizardDraft | undefined>;
  save(draft: WizardDraft): Promise<string>;
  clear(): Promise<void>;
}
