import {readCachedFrame, storeStamp, writeCachedFrame} from '../adapters/frame-cache.js';
import {profileStoreDirectory} from '../adapters/conf-profile-store.js';
import {paintFrame} from '../ui/instant-frame.js';
import {chalkColours, homeFirstFrame, inkSeesCi} from '../ui/home-first-frame.js';
import {inkColour} from './run-context.js';
import type {CommandRun} from './spec.js';

/**
 * `ecs-wizard` with no command on a terminal. Sets the colour level before Ink (chalk) loads. The home screen's first
 * frame is painted before Ink loads: computed (ui/home-first-frame.ts: the bytes Ink will write, from the version,
 * the terminal's size and colour), or where that cannot be promised, as Ink wrote it last time on a terminal of this
 * size (ui/instant-frame.ts, adapters/frame-cache.ts).
 */
export const run: CommandRun = async (context) => {
  const color = inkColour(context.globals);
  const stdout = context.io.stdout as {columns?: number; rows?: number};
  const env = context.env;
  const directory = profileStoreDirectory({env: context.env});
  const computed = inkSeesCi(env)
    ? undefined
    : homeFirstFrame({version: context.root.version, colour: await chalkColours(), terminal: {columns: stdout.columns, rows: stdout.rows}});
  // What Ink's output depends on: the version, the terminal's size, what decides its colours, and what it shows
  // (the profile store and the draft: a frame with a count that is no longer true is never painted).
  const key = (): string =>
    JSON.stringify([
      storeStamp(directory),
      context.root.version,
      stdout.columns,
      stdout.rows,
      color,
      process.env.FORCE_COLOR ?? '',
      env.TERM ?? '',
      env.COLORTERM ?? '',
      env.NO_COLOR ?? '',
    ]);
  const painted = computed ?? readCachedFrame(directory, key());
  if (painted !== undefined) paintFrame(context.io, painted);
  const {runApp} = await import('../ui/run-app.js');
  return runApp(
    context,
    {name: 'home'},
    {
      color,
      ...(painted === undefined ? {} : {painted}),
      onFirstFrame: (frame) => {
        // A computed frame needs no keeping; one Ink drew where none could be computed is kept for the next start.
        if (computed === undefined && frame !== painted && frame.includes('ecs-wizard')) writeCachedFrame(directory, key(), frame);
      },
    },
  );
};
