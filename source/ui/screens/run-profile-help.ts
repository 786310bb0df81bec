import type {ScreenHelp} from '../components/help-overlay.js';
import {BACK, NAVIGATE, SELECT} from '../keys.js';

/** Apart from the screen, so that the app can list it without loading the deploy screen (loaded on first use). */
export const runProfileHelp: ScreenHelp = {
  title: 'Run a saved profile',
  text: [
    'Deploys a saved profile: pick the profile, the environment, the image tag (listed from the registry when it answers) and where to run it — AWS, or the built-in rollout simulator (no AWS account needed, nothing changes in AWS).',
    'Before anything changes you see the plan (what differs from what runs), the pre-flight checks, and a y/n question.',
    'While it rolls out: r aborts and rolls back to the previous revision, d detaches (the deployment goes on; `ecs-wizard watch PROFILE` re-attaches). The same as `ecs-wizard deploy PROFILE --env ENV --tag TAG`.',
  ],
  keys: [NAVIGATE, SELECT, BACK],
};
