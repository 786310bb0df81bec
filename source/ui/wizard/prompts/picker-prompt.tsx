/** A picker prompt: a list (read from AWS, or given) filtered as you type; a typed value when the prompt allows it. */
import React, {useState} from 'react';
import type {Choice, PickerPrompt} from '../../../operations/wizard/question.js';
import {PickerField} from '../widgets/fields.js';
import type {PromptViewProps} from './prompt-props.js';

export function PickerPromptView({prompt, active, onHelp, submit}: PromptViewProps<PickerPrompt>) {
  /** What was listed (undefined until the list arrives, or when it cannot be read). */
  const [listed, setListed] = useState<readonly Choice[]>();
  const {load} = prompt;
  return (
    <PickerField
      label={prompt.label}
      hint={prompt.hint}
      what={prompt.what}
      load={
        load &&
        (async () => {
          const listing = await load();
          if (listing.ok) setListed(listing.items);
          return listing;
        })
      }
      items={prompt.items}
      extra={prompt.extra?.(listed)}
      free={prompt.free}
      initial={prompt.initial}
      initialSelected={prompt.initialSelected}
      multi={prompt.multi}
      parseMany={prompt.parseMany}
      check={prompt.check}
      active={active}
      onHelp={onHelp}
      onSubmit={(values, note) => submit(prompt.submit(values, note, listed))}
    />
  );
}
