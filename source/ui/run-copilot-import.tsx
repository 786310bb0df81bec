import React from 'react';
import {render} from 'ink';
import type {CommandIo} from '../ports/terminal.js';
import {CopilotImport} from './screens/copilot-import.js';
import {terminalInput} from './terminal-input.js';

/**
 * `ecs-wizard import --from-copilot` in a terminal: the report screen and its question, alone (loaded only by that
 * command). Resolves true when the person says to save.
 */
export async function confirmCopilotImport(
  io: CommandIo,
  report: {lines: readonly string[]; profiles: readonly string[]; replaces: readonly string[]},
): Promise<boolean> {
  let save = false;
  const rows = Math.max(5, ((io.stdout as NodeJS.WriteStream).rows ?? 24) - 4);
  const instance = render(
    <CopilotImport
      lines={report.lines}
      profiles={report.profiles}
      replaces={report.replaces}
      rows={rows}
      onDone={(answer) => {
        save = answer;
        instance.unmount();
      }}
    />,
    {
      stdin: terminalInput(io.stdin),
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: true,
      patchConsole: false,
    },
  );
  await instance.waitUntilExit();
  return save;
}
