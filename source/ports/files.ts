/** Files the person names on the command line or in a screen (profile export and import). */
import type {Readable} from 'node:stream';

export interface UserFilesPort {
  /** Reads `path` (or `stdin` for `-`); errors name the file. */
  read(path: string, stdin: Readable): Promise<string>;
  /** Writes `path`; refuses to replace an existing file unless `overwrite`. */
  write(path: string, text: string, options: {overwrite: boolean}): Promise<void>;
}
