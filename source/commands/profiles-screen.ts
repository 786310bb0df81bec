import type {CommandRun} from './spec.js';

/** `ecs-wizard profiles` alone on a terminal: the interactive "manage profiles" screen. */
export const run: CommandRun = async (context) => {
  if (!context.globals.color) process.env.FORCE_COLOR = '0';
  const {runApp} = await import('../ui/run-app.js');
  return runApp(context, {name: 'profiles'});
};
