/** A key hint shown in the footer and the help overlay. */
export interface KeyHint {
  keys: string;
  label: string;
}

/** Keys every screen has; screens that capture text (a name, a path) turn the letter keys off. */
export const GLOBAL_KEYS: KeyHint[] = [
  {keys: '?', label: 'help'},
  {keys: 'q', label: 'quit'},
];

export const NAVIGATE: KeyHint = {keys: '↑↓/jk', label: 'move'};
export const SELECT: KeyHint = {keys: 'enter', label: 'select'};
export const BACK: KeyHint = {keys: 'esc', label: 'back'};
