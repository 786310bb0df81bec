import React from 'react';
import {render} from 'ink';
import type {CompositionRoot} from '../ports/root.js';
import type {CommandIo} from '../ports/terminal.js';
import {EXIT} from '../errors.js';
import {App} from './app.js';
import type {Screen} from './navigation.js';
import {frameStream} from './instant-frame.js';
import {terminalInput} from './terminal-input.js';

export interface RunAppOptions {
  /** The run context's colour decision. */
  color: boolean;
  /** A frame already painted on the terminal (instant-frame.ts): Ink's first frame replaces it in place. */
  painted?: string;
  /** Told what Ink wrote for its first frame (to paint it at once next time). */
  onFirstFrame?: (frame: string) => void;
}

/** Mounts the interactive program on the terminal and resolves when the person quits. */
export async function runApp(context: {root: CompositionRoot; io: CommandIo}, initial: Screen, options: RunAppOptions): Promise<number> {
  const output = frameStream(context.io.stdout as NodeJS.WriteStream, options.painted);
  const instance = render(<App root={context.root} initial={initial} color={options.color} />, {
    stdin: terminalInput(context.io.stdin),
    stdout: output.stream,
    stderr: context.io.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    // Key repeat (~30 keys a second) must not wait on Ink's default 30 fps throttle.
    maxFps: 60,
  });
  // render() writes the first frame before it returns.
  options.onFirstFrame?.(output.firstFrame());
  await instance.waitUntilExit();
  return EXIT.ok;
}
