import type {ScreenHelp} from '../components/help-overlay.js';

/** The App's help entry for the wizard screen (the wizard shows its own, per step, on `?`). */
export const wizardHelp: ScreenHelp = {
  title: 'New setup',
  text: ['The guided setup asks, step by step, for everything a profile needs. Press ? on a step for its help.'],
  keys: [
    {keys: 'enter', label: 'answer and go on'},
    {keys: 'esc', label: 'back one step'},
  ],
};
