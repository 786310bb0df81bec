/**
 * The wizard's draft: a half-done setup saved on Ctrl-C, next to the profile store (`wizard-draft.json`,
 * mode 0600). It holds the answers only — never a registry password (the answers have none).
 */
// node:fs's `promises` is read where it is used (see files.ts): node:fs/promises loads Node's readline and watchers.
import {promises as fsPromises} from 'node:fs';
import {dirname, join} from 'node:path';
import type {DraftStore, WizardDraft} from '../ports/draft-store.js';

export function createDraftStore(directory: string): DraftStore {
  const path = join(directory, 'wizard-draft.json');
  return {
    async load() {
      try {
        const parsed = JSON.parse(await fsPromises.readFile(path, 'utf8')) as Partial<WizardDraft>;
        if (typeof parsed !== 'object' || parsed === null || typeof parsed.answers !== 'object' || typeof parsed.savedAt !== 'string') return undefined;
        return {answers: parsed.answers, choices: parsed.choices ?? {}, done: Array.isArray(parsed.done) ? parsed.done : [], savedAt: parsed.savedAt};
      } catch {
        return undefined;
      }
    },
    async save(draft) {
      await fsPromises.mkdir(directory, {recursive: true, mode: 0o700});
      await fsPromises.writeFile(path, `${JSON.stringify(draft, null, 2)}\n`, {mode: 0o600});
      return path;
    },
    async clear() {
      await fsPromises.rm(path, {force: true});
    },
  };
}

/** The draft store next to a profile store file. */
export const draftStoreBeside = (storePath: string): DraftStore => createDraftStore(dirname(storePath));
