/**
 * Mounts a screen that reports its end through `onFinished(view)` on the terminal, and resolves with that view once
 * Ink has unmounted (the deploy screen and the whole-application deploy screen). Ctrl-C is the screen's to handle.
 */
import React, {useEffect, useState} from 'react';
import {render, useApp} from 'ink';
import type {CommandIo} from '../ports/terminal.js';
import {terminalInput} from './terminal-input.js';

export async function mountUntilFinished<V, P extends {onFinished?: (view: V) => void}>(
  Screen: React.ComponentType<P>,
  props: Omit<P, 'onFinished'>,
  io: CommandIo,
  /** What it resolves with when the screen ended without reporting a view (the terminal went away). */
  unfinished: V,
): Promise<V> {
  let final: V | undefined;
  function Root() {
    const {exit} = useApp();
    const [done, setDone] = useState(false);
    useEffect(() => {
      if (done) exit();
    }, [done, exit]);
    const onFinished = (view: V): void => {
      final = view;
      setDone(true);
    };
    return <Screen {...(props as P)} onFinished={onFinished} />;
  }
  const instance = render(<Root />, {
    stdin: terminalInput(io.stdin),
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await instance.waitUntilExit();
  return final ?? unfinished;
}
