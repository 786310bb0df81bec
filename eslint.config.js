// Lint: typescript-eslint's recommended rules plus the project's own. The import layering and the no-cycles rule
// live in .dependency-cruiser.cjs (they need the whole import graph, type-only imports included).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js,cjs}'],
    languageOptions: {ecmaVersion: 2023, sourceType: 'module'},
    rules: {
      // TypeScript checks names; scripts run on Node only.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true}],
      // `import('…').Type` annotations keep the lazily loaded AWS SDK's types next to where they are used.
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports', disallowTypeAnnotations: false}],
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.object.object.name='process'][left.object.property.name='env'][left.property.name='FORCE_COLOR']",
          message: 'Colour is decided once, in commands/run-context.ts (inkColour).',
        },
      ],
      eqeqeq: ['error', 'always', {null: 'ignore'}],
    },
  },
  {
    // Split by meaning long before this; the limit only catches a file that has grown past its shape.
    files: ['source/**/*.{ts,tsx}'],
    rules: {'max-lines': ['error', {max: 600}]},
  },
  {
    files: ['**/*.tsx'],
    plugins: {'react-hooks': reactHooks},
    rules: {'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'off'},
  },
  {
    files: ['source/commands/run-context.ts', 'test/**', 'scripts/**'],
    rules: {'no-restricted-syntax': 'off'},
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {sourceType: 'commonjs'},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // Ink screens show text through ui/components/text.tsx, which sanitises it: the one renderer boundary.
    files: ['source/ui/**/*.{ts,tsx}'],
    ignores: ['source/ui/components/text.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {paths: [{name: 'ink', importNames: ['Text'], message: 'Import Text from source/ui/components/text.tsx: it sanitises what reaches the terminal.'}]},
      ],
    },
  },
);
