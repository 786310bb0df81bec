/**
 * The layering of source/, enforced (`npm run lint:deps`, part of `npm test`). Lowest first:
 *
 *   errors.ts < domain/ < ports/ < adapters/ | operations/ < report/ < ui/ < commands/ < composition.ts < cli.ts
 *
 * A module imports its own layer or lower ones only. adapters/ and operations/ are siblings that never import each
 * other: operations reach the world through ports, and only the composition root picks adapters. Type-only imports
 * and `import()` count like any other import (tsPreCompilationDeps), because they tie the design as much.
 */
const LAYERS = ['errors', 'domain', 'ports', 'adapters', 'operations', 'report', 'ui', 'commands', 'composition', 'cli'];

/** The path pattern of one layer under source/. */
const layer = (name) => (['errors', 'composition', 'cli'].includes(name) ? `^source/${name}\\.tsx?$` : `^source/${name}/`);

/** What each layer may not import: every layer above it, and for adapters/operations each other. */
const above = (name) => LAYERS.slice(LAYERS.indexOf(name) + 1).filter((other) => !(name === 'adapters' && other === 'operations'));

const upward = LAYERS.filter((name) => name !== 'cli').map((name) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} sits below ${above(name).join(', ')}${name === 'adapters' ? ' (and beside operations)' : ''}: it may not import them.`,
  severity: 'error',
  from: {path: layer(name)},
  to: {path: above(name).map(layer)},
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only imports and import() included.',
      severity: 'error',
      from: {path: '^source/'},
      to: {circular: true},
    },
    ...upward,
    {
      name: 'operations-not-adapters',
      comment: 'operations reach the world through ports; the composition root picks the adapters.',
      severity: 'error',
      from: {path: layer('operations')},
      to: {path: layer('adapters')},
    },
    {
      name: 'ui-not-adapters',
      comment: 'Screens get their ports from the composition root; they never construct or import adapters.',
      severity: 'error',
      from: {path: layer('ui')},
      to: {path: layer('adapters')},
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure: no React, Ink, AWS SDK, file system, processes, network or timers.',
      severity: 'error',
      from: {path: layer('domain')},
      to: {
        path: [
          '^(node:)?(fs|fs/promises|child_process|net|http|https|timers|timers/promises|os|process|worker_threads)$',
          'node_modules/(react|ink|ink-[^/]+|@aws-sdk/[^/]+|conf)/',
        ],
      },
    },
    {
      name: 'no-sdk-outside-adapters',
      comment: 'The AWS SDK is loaded only by adapters (lazily), never by ports, operations, report or ui.',
      severity: 'error',
      from: {path: '^source/', pathNot: layer('adapters')},
      to: {path: 'node_modules/@aws-sdk/'},
    },
    {
      name: 'no-ink-in-plain-layers',
      comment: 'Only ui/ renders with Ink and React; plain commands must not load them.',
      severity: 'error',
      from: {path: ['^source/(domain|ports|adapters|operations|report)/', layer('errors')]},
      to: {path: 'node_modules/(react|ink|ink-[^/]+)/'},
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves.',
      severity: 'error',
      from: {path: '^source/'},
      to: {couldNotResolve: true},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: {text: {highlightFocused: true}},
  },
};
