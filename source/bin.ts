/**
 * dist/cli.js: the installed program's entry. Hands the command line to launcher.ts with the folder of the bundles
 * and the build of each plain bundle (set by scripts/build.mjs).
 */
import {launch} from './launcher.js';

// Not `import`: see launcher.ts (an ES module import of a builtin builds its facade).
const path = process.getBuiltinModule('node:path');
const {fileURLToPath} = process.getBuiltinModule('node:url');

declare const __PLAIN_BUILDS__: Record<string, string> | undefined;

await launch(path.dirname(fileURLToPath(import.meta.url)), typeof __PLAIN_BUILDS__ === 'object' ? __PLAIN_BUILDS__ : {}, process.argv.slice(2), process.env);
