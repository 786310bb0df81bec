import {createInterface} from 'node:readline/promises';
import type {CommandIo} from '../ports/terminal.js';

/** A yes/no question on the terminal (no Ink: plain commands stay light). Default: no. */
export async function confirm(io: CommandIo, question: string): Promise<boolean> {
  const readline = createInterface({input: io.stdin, output: io.stderr as NodeJS.WritableStream, terminal: true});
  try {
    const answer = await readline.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    readline.close();
  }
}
