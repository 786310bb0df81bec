import React from 'react';
import {render} from 'ink';
import type {CommandIo} from '../../ports/terminal.js';
import {EXIT} from '../../errors.js';
import type {WizardServices} from '../../operations/wizard/services.js';
import {terminalInput} from '../terminal-input.js';
import type {WizardInit} from './wizard-state.js';
import {Wizard, type WizardExit} from './wizard-screen.js';

/** `ecs-wizard init` in a terminal: the wizard alone, exiting once the profile is saved (or the person leaves). */
export async function runWizard(context: {io: CommandIo}, services: WizardServices, init: WizardInit & {offerDraft: boolean}): Promise<number> {
  let exit: WizardExit = {kind: 'cancelled'};
  const {offerDraft, ...wizardInit} = init;
  const instance = render(
    <Wizard
      services={services}
      init={wizardInit}
      active
      finishOnSave
      offerDraft={offerDraft}
      onExit={(result) => {
        exit = result;
        instance.unmount();
      }}
    />,
    {
      stdin: terminalInput(context.io.stdin),
      stdout: context.io.stdout as NodeJS.WriteStream,
      stderr: context.io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  const result = exit as WizardExit;
  // The last frame says what was saved and what to run next.
  if (result.kind === 'saved') return EXIT.ok;
  if (result.kind === 'draft') {
    context.io.stderr.write(`Saved a draft of the setup to ${result.path}. Run \`ecs-wizard init\` to resume it.\n`);
    return EXIT.detached;
  }
  context.io.stderr.write('Setup cancelled: nothing was saved.\n');
  return EXIT.detached;
}
