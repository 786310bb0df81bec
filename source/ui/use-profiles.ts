import {useCallback, useEffect, useState} from 'react';
import type {AppRunRecord} from '../domain/deploy/app-run-types.js';
import type {Profile} from '../domain/model.js';
import type {ProfileStore} from '../ports/profile-store.js';
import {CliError} from '../errors.js';

export interface ProfilesState {
  profiles?: Profile[];
  /** Each application's newest whole-application run record, by application name (read after the profiles). */
  lastRuns?: Readonly<Record<string, AppRunRecord>>;
  error?: string;
  hint?: string;
  reload(): void;
}

export function errorText(error: unknown): {error: string; hint?: string} {
  if (error instanceof CliError) return {error: error.message, hint: error.hint};
  return {error: error instanceof Error ? error.message : String(error)};
}

async function lastRunsOf(store: ProfileStore): Promise<Record<string, AppRunRecord>> {
  const applications = await store.applications();
  return Object.fromEntries(applications.flatMap((application) => (application.runs?.length ? [[application.name, application.runs.at(-1)!]] : [])));
}

/** Loads the saved profiles; a broken store shows its error in place (the file is never reset). */
export function useProfiles(getStore: () => Promise<ProfileStore>): ProfilesState {
  const [state, setState] = useState<Omit<ProfilesState, 'reload'>>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    getStore()
      .then(async (store) => {
        const profiles = await store.list();
        if (!cancelled) setState({profiles});
        // The applications' last runs, for the home tree: a note beside the profiles, never an error of them.
        const lastRuns = await lastRunsOf(store).catch(() => undefined);
        if (!cancelled && lastRuns !== undefined) setState({profiles, lastRuns});
      })
      .catch((error: unknown) => !cancelled && setState(errorText(error)));
    return () => {
      cancelled = true;
    };
  }, [getStore, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {...state, reload};
}
