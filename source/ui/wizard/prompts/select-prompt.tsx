/** A select prompt: one choice out of a few. */
import React from 'react';
import type {SelectPrompt} from '../../../operations/wizard/question.js';
import {SelectField} from '../widgets/fields.js';
import type {PromptViewProps} from './prompt-props.js';

export function SelectPromptView({prompt, active, onHelp, submit}: PromptViewProps<SelectPrompt>) {
  return (
    <SelectField
      label={prompt.label}
      hint={prompt.hint}
      options={prompt.options}
      initial={prompt.initial}
      active={active}
      onHelp={onHelp}
      onSubmit={(value) => submit(prompt.submit(value))}
    />
  );
}
