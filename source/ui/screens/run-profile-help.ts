import type {ScreenHelp} from '../components/help-overlay.js';
import {BACK, NAVIGATE, SELECT} from '../keys.js';

/** Apart from the screen, so that the app can list it without loading the deploy screen (loaded on first use). */
export const runProfileHelp: ScreenHelp = {
  title: 'Run a saved profile',
  text: [
    'Deploys a saved profile: pick the profile, the environment, the image tag (listed from the registry when it answers) and where to run it — AWS, or the built-in rollout simulator (no AWS account needed, nothing changes in AWS).',
    "In the list of tags, p takes the highlighted tag pinned to the digest it points to now (TAG@sha256:…, as `deploy --pin-digest`): the same bytes are deployed even if someone pushes the tag again, and a successful run keeps it as the profile's tag.",
    'Before anything changes you see the plan (what differs from what runs), the pre-flight checks, and a y/n question.',
    'While it rolls out: r aborts and rolls back to the previous revision, d detaches (the deployment goes on; `ecs-wizard watch PROFILE` re-attaches). The same as `ecs-wizard deploy PROFILE --env ENV --tag TAG`.',
  ],
  keys: [NAVIGATE, SELECT, {keys: 'p', label: 'pin the tag to its digest'}, BACK],
};
