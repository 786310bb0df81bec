/**
 * The full program's entry (dist/main.mjs, the ESM bundle split into chunks): runs the command line. dist/cli.js (the
 * launcher) hands over to it for everything that the plain bundle does not serve.
 */
import {runAsProgram} from './cli.js';

runAsProgram();
