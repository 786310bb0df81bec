/** Saving (save): the profile's name — suggested from the service, never one already saved — then the profile is saved. */
import {Box} from 'ink';
import React, {useEffect, useState} from 'react';
import {sharedChanges} from '../../../operations/wizard/application-environments.js';
import {newServerLine} from '../../../operations/wizard/application-servers.js';
import {suggestProfileName} from '../../../operations/wizard/profile.js';
import {checkNewProfileName, saveNewProfile} from '../../../operations/wizard/questions/save.js';
import {Note, TextField} from '../widgets/fields.js';
import type {QuestionViewProps} from './view-props.js';

export function SaveView(props: QuestionViewProps) {
  const {ctx, services} = props;
  const [taken, setTaken] = useState<string[] | undefined>();
  const [shared, setShared] = useState<string[]>([]);
  useEffect(() => {
    services.profileNames().then(setTaken, () => setTaken([]));
    // The application's environments are its services': say whom a change to one reaches before it is saved.
    const application = ctx.answers.application;
    if (application !== undefined && services.applicationEnvironments !== undefined) {
      services.applicationEnvironments(application).then(
        (listing) => setShared(listing.ok ? sharedChanges(ctx.answers, listing.items, ctx.answers.profileName) : []),
        () => setShared([]),
      );
    }
  }, []);
  if (taken === undefined) return <Note message="Reading saved profiles…" />;
  return (
    <Box flexDirection="column">
      {shared.map((line) => (
        <Note key={line} tone="warn" message={line} />
      ))}
      <Note message={newServerLine(ctx.answers, ctx.choices)} />
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
    </Box>
  );
}
