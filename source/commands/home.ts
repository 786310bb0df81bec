import {inkColour} from './run-context.js';
import type {CommandRun} from './spec.js';

/** `ecs-wizard` with no command on a terminal. Sets the colour level before Ink (chalk) loads. */
export const run: CommandRun = async (context) => {
  const color = inkColour(context.globals);
  const {runApp} = await import('../ui/run-app.js');
  return runApp(context, {name: 'home'}, {color});
};
