import {useCallback, useEffect, useState} from 'react';
import type {Profile} from '../domain/model.js';
import type {ProfileStore} from '../ports/profile-store.js';
import {CliError} from '../errors.js';

export interface ProfilesState {
  profiles?: Profile[];
  error?: string;
  hint?: string;
  reload(): void;
}

export function errorText(error: unknown): {error: string; hint?: string} {
  if (error instanceof CliError) return {error: error.message, hint: error.hint};
  return {error: error instanceof Error ? error.message : String(error)};
}

/** Loads the saved profiles; a broken store shows its error in place (the file is never reset). */
export function useProfiles(getStore: () => Promise<ProfileStore>): ProfilesState {
  const [state, setState] = useState<Omit<ProfilesState, 'reload'>>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    getStore()
      .then((store) => store.list())
      .then(
        (profiles) => !cancelled && setState({profiles}),
        (error: unknown) => !cancelled && setState(errorText(error)),
      );
    return () => {
      cancelled = true;
    };
  }, [getStore, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {...state, reload};
}
