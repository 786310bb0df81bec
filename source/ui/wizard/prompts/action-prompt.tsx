/** An action prompt: yes/no about changing something (IAM), with what would be done shown; the change runs on yes. */
import React, {useState} from 'react';
import type {ActionPrompt} from '../../../operations/wizard/question.js';
import {Note, Problem, SelectField} from '../widgets/fields.js';
import {PromptBody} from './prompt-body.js';
import type {PromptViewProps} from './prompt-props.js';

export function ActionPromptView({prompt, active, onHelp, submit, back}: PromptViewProps<ActionPrompt>) {
  /** What is being done (shown while it runs). */
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  return (
    <SelectField
      label={prompt.label}
      options={prompt.options}
      active={active && busy === undefined}
      onHelp={onHelp}
      onSubmit={(value) => {
        const outcome = prompt.choose(value);
        if (outcome.kind === 'back') back();
        else if (outcome.kind === 'submit') submit(outcome.submission);
        else {
          setBusy(outcome.progress);
          setError(undefined);
          outcome.run().then(
            (submission) => {
              setBusy(undefined);
              submit(submission);
            },
            (failure: unknown) => {
              setBusy(undefined);
              setError(outcome.failure(failure instanceof Error ? failure.message : String(failure)));
            },
          );
        }
      }}
    >
      <PromptBody lines={prompt.body} />
      {busy ? <Note message={busy} /> : null}
      <Problem message={error} />
    </SelectField>
  );
}
