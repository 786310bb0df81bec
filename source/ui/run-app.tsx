import React from 'react';
import {render} from 'ink';
import type {CompositionRoot} from '../ports/root.js';
import type {CommandIo} from '../ports/terminal.js';
import {EXIT} from '../errors.js';
import {App} from './app.js';
import type {Screen} from './navigation.js';
import {terminalInput} from './terminal-input.js';

/** Mounts the interactive program on the terminal and resolves when the person quits. `color`: the run context's. */
export async function runApp(context: {root: CompositionRoot; io: CommandIo}, initial: Screen, options: {color: boolean}): Promise<number> {
  const instance = render(<App root={context.root} initial={initial} color={options.color} />, {
    stdin: terminalInput(context.io.stdin),
    stdout: context.io.stdout as NodeJS.WriteStream,
    stderr: context.io.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    // Key repeat (~30 keys a second) must not wait on Ink's default 30 fps throttle.
    maxFps: 60,
  });
  await instance.waitUntilExit();
  return EXIT.ok;
}
