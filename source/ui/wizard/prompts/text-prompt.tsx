/** A text prompt: a typed answer, checked on Enter (masked for a password). */
import React from 'react';
import type {TextPrompt} from '../../../operations/wizard/question.js';
import {TextField} from '../widgets/fields.js';
import type {PromptViewProps} from './prompt-props.js';

export function TextPromptView({prompt, active, onHelp, submit}: PromptViewProps<TextPrompt<unknown>>) {
  return (
    <TextField
      label={prompt.label}
      hint={prompt.hint}
      initial={prompt.initial}
      placeholder={prompt.placeholder}
      suggestion={prompt.suggestion}
      mask={prompt.mask}
      validate={(text) => prompt.validate(text)}
      check={prompt.check}
      active={active}
      onHelp={onHelp}
      onSubmit={(value, note) => submit(prompt.submit(value, note))}
    />
  );
}
