/** A list prompt: NAME=VALUE entries, one per line. */
import React from 'react';
import type {ListPrompt} from '../../../operations/wizard/question.js';
import {ListField} from '../widgets/fields.js';
import {PromptBody} from './prompt-body.js';
import type {PromptViewProps} from './prompt-props.js';

export function ListPromptView({prompt, active, onHelp, submit}: PromptViewProps<ListPrompt>) {
  return (
    <ListField
      label={prompt.label}
      hint={prompt.hint}
      initial={prompt.initial}
      parse={prompt.parse}
      onDone={prompt.onDone}
      active={active}
      onHelp={onHelp}
      onSubmit={(entries) => submit(prompt.submit(entries))}
    >
      {prompt.body ? <PromptBody lines={prompt.body} /> : null}
    </ListField>
  );
}
