/**
 * dist/cli.js: the installed program's entry. Hands the command line to launcher.ts with the folder of the bundles
 * and the build of each plain bundle (set by scripts/build.mjs).
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {launch} from './launcher.js';

declare const __PLAIN_BUILDS__: Record<string, string> | undefined;

await launch(path.dirname(fileURLToPath(import.meta.url)), typeof __PLAIN_BUILDS__ === 'object' ? __PLAIN_BUILDS__ : {}, process.argv.slice(2), process.env);
