import React from 'react';
import {render} from 'ink';
import type {PlaintextSecret} from '../domain/import/plaintext-secrets.js';
import type {SecretDecision} from '../operations/import-secrets.js';
import type {CommandIo} from '../ports/terminal.js';
import {PlaintextSecrets} from './screens/plaintext-secrets.js';
import {terminalInput} from './terminal-input.js';

/**
 * `ecs-wizard import` in a terminal, when environment variables look like plaintext secrets: the choice screen
 * alone. Resolves with the decisions, or undefined when the person cancels.
 */
export async function choosePlaintextSecrets(
  io: CommandIo,
  choice: {suspects: readonly PlaintextSecret[]; initial: ReadonlyMap<string, SecretDecision>; destination: string},
): Promise<Map<string, SecretDecision> | undefined> {
  let result: Map<string, SecretDecision> | undefined;
  const instance = render(
    <PlaintextSecrets
      suspects={choice.suspects}
      initial={choice.initial}
      destination={choice.destination}
      active
      onDone={(decisions) => {
        result = decisions;
        instance.unmount();
      }}
      onCancel={() => instance.unmount()}
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
  return result;
}
