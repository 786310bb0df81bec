/**
 * A text editor the person edits JSON in ($VISUAL, $EDITOR, a fallback, or a file they edit themselves).
 * Implemented by adapters/editor.ts; tests use fakes.
 */
export type EditResult =
  /** The editor ran and exited; `text` is the file's content afterwards. */
  | {kind: 'edited'; text: string; editor: string}
  /** The editor could not be started or failed; the text is unchanged. */
  | {kind: 'failed'; reason: string; text: string};

export interface EditorPort {
  /**
   * The editor that would be used (`vim`, `code --wait`), or undefined when there is none: the person then
   * edits `prepareFile`'s path and comes back.
   */
  describe(): string | undefined;
  /** Writes `text` to a new temporary file and opens the editor on it, blocking until it exits. */
  edit(text: string, options?: {extension?: string}): EditResult;
  /** Writes `text` to a new temporary file (for editing by hand) and returns its path. */
  prepareFile(text: string, options?: {extension?: string}): Promise<string>;
  /** Reads a file back (the temporary file after editing by hand, or any file the person names). */
  readFile(path: string): Promise<string>;
}
