// ESLint (flat config), run by `npm test` (test/run.mjs) and `npm run lint`.
// Two jobs only, so it passes without mass edits: correctness rules that catch
// real bugs, and the import boundaries docs/ARCHITECTURE.md describes —
// the core (server/src/core) imports no adapter (no editor or LSP library, no
// Node built-in, nothing from the language server, the CLI, the client or the
// webview), the git reader (server/src/git) imports no adapter either, and the
// client imports no runtime value from the core (types only).
// Formatting is Prettier's job, not ESLint's.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'module',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**', '**/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.cjs'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    // Some files disable rules this config does not turn on (no-control-regex): not an error.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-negation': 'error',
      'no-constant-binary-expression': 'error',
      'no-sparse-arrays': 'error',
      'no-compare-neg-zero': 'error',
      'no-loss-of-precision': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      'no-empty-pattern': 'error',
      'no-import-assign': 'error',
      'no-setter-return': 'error',
      'no-async-promise-executor': 'error',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'The core is pure: no Node built-ins (adapters read files and talk to processes).',
          })),
          patterns: [
            { group: ['node:*'], message: 'The core is pure: no Node built-ins (adapters read files and talk to processes).' },
            { group: ['vscode', 'vscode-*'], message: 'The core knows no editor and no LSP library; convert in server/src/lsp.' },
            {
              group: ['chevrotain', '@chevrotain/*'],
              message: 'The product parses with its own scanner and parser (core/syntax); Chevrotain is only the bench floor.',
            },
            {
              group: ['**/lsp/*', '**/cli/*', '**/client/**', '**/webview/**', '**/protocol/*'],
              message:
                'The core imports no adapter: the language server, the CLI, the client and the webview import the core, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // The only git runner, shared by the CLI and the language server: Node and the core's types, no adapter.
    files: ['server/src/git/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*'],
              message: 'server/src/git knows no editor and no LSP library: the language server converts its errors.',
            },
            {
              group: ['**/lsp/*', '**/cli/*', '**/client/**', '**/webview/**', '**/protocol/*'],
              message: 'server/src/git is shared by the CLI and the language server: it imports neither, nor the client or the webview.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/src/core/**'],
              allowTypeImports: true,
              message: 'The client runs in the editor: it may import types from the core, never its code (the server and workers run it).',
            },
          ],
        },
      ],
    },
  },
);
