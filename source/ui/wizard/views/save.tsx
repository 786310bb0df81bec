/** Saving (save): the profile's name — suggested from the service, never one already saved — then the profile is saved. */
import React, {useEffect, useState} from 'react';
import {suggestProfileName} from '../../../operations/wizard/profile.js';
import {checkNewProfileName, saveNewProfile} from '../../../operations/wizard/questions/save.js';
import {Note, TextField} from '../widgets/fields.js';
import type {QuestionViewProps} from './view-props.js';

export function SaveView(props: QuestionViewProps) {
  const {ctx, services} = props;
  const [taken, setTaken] = useState<string[] | undefined>();
  useEffect(() => {
    services.profileNames().then(setTaken, () => setTaken([]));
  }, []);
  if (taken === undefined) return <Note message="Reading saved profiles…" />;
  return (
    <TextField
      label="Save as profile"
      hint="Letters, digits, - and _. Saved on this machine: ARNs and settings, never credentials."
      initial={ctx.answers.profileName}
      suggestion={ctx.answers.profileName === undefined ? suggestProfileName(ctx.answers, taken) : undefined}
      validate={(text) => checkNewProfileName(text, taken)}
      check={{
        progress: 'Saving…',
        run: async (name) => {
          const result = await saveNewProfile(ctx.answers, name, services);
          if (!result.ok) return result;
          props.saved(result.profile);
          return {ok: true};
        },
      }}
      active={props.active}
      onHelp={props.help}
      onSubmit={() => undefined}
    />
  );
}
