import {inkColour} from './run-context.js';
import type {CommandRun} from './spec.js';

/** `ecs-wizard profiles` alone on a terminal: the interactive "manage profiles" screen. */
export const run: CommandRun = async (context) => {
  const color = inkColour(context.globals);
  const {runApp} = await import('../ui/run-app.js');
  return runApp(context, {name: 'profiles'}, {color});
};
