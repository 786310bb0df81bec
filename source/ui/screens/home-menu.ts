/**
 * What the home screen says before anything is read: its title, its line, the menu and each entry's description.
 * Plain data (no React): the home screen (home.tsx) draws it with Ink, and ui/home-first-frame.ts draws the very same
 * first frame as a string before Ink has loaded. A change here changes both.
 */

/** The home menu lists only what is built; each later feature adds its entry here. */
export type HomeChoice = 'wizard' | 'run-profile' | 'run-app' | 'profiles' | 'browse-families' | 'browse-clusters' | 'quit';

export const HOME_TITLE = 'home';
export const HOME_TAGLINE = 'From nothing to a running Amazon ECS service, and back again.';
/** Shown until the profile store has answered (always so in Ink's first frame: the store is read after it). */
export const HOME_READING = 'Reading saved profiles…';

export const HOME_ITEMS: ReadonlyArray<{label: string; value: HomeChoice; description: string}> = [
  {label: 'New setup', value: 'wizard', description: 'the guided setup: application → image → container → service → environment → review → saved profile'},
  {
    label: 'Run a saved profile',
    value: 'run-profile',
    description: 'deploy a profile: environment → tag → plan and checks → confirm → watch the rollout (or simulate it)',
  },
  {
    label: 'Deploy a whole application',
    value: 'run-app',
    description: 'every service of an application to one environment: one plan, one question, in dependency order (or simulate it)',
  },
  {label: 'Browse task definitions', value: 'browse-families', description: 'families → revisions → JSON; import a revision into a profile'},
  {label: 'Browse services', value: 'browse-clusters', description: 'clusters → services; import a live service with its task definition and environment'},
  {label: 'Manage profiles', value: 'profiles', description: 'show, rename, export, import or remove saved profiles'},
  {label: 'Quit', value: 'quit', description: ''},
];
