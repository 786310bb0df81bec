/** The terminal (or pipes) a command runs on. */
import type {Readable, Writable} from 'node:stream';

export interface CommandIo {
  stdout: Writable & {isTTY?: boolean; columns?: number};
  stderr: Writable;
  stdin: Readable & {isTTY?: boolean};
  /** stdin and stdout are both terminals and CI is not set: prompts and Ink may be used. */
  interactive: boolean;
}
