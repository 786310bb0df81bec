/**
 * dist/cli.js: the installed program's entry, a CommonJS script (see launcher.ts). Hands the command line to
 * launcher.ts with the folder of the bundles and the build of each plain bundle (set by scripts/build.mjs).
 */
import {launch} from './launcher.js';

declare const __PLAIN_BUILDS__: Record<string, string> | undefined;

void launch(__dirname, typeof __PLAIN_BUILDS__ === 'object' ? __PLAIN_BUILDS__ : {}, process.argv.slice(2), process.env);
