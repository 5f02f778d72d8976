// ESLint, flat config: rules that catch real bugs, not style (formatting is left to the editor).
// TypeScript is linted with type information (typescript-eslint's project service, each file with
// its own tsconfig), for the rules only types can check: a promise nobody awaits or handles, a
// promise where a callback's result is ignored, `await` on what is no promise, an object turned
// into "[object Object]" in a message, a switch that forgets a case of a union.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Bugs in any JavaScript or TypeScript. */
const everywhere = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-unused-vars': 'off', // the TypeScript rule below, which knows types and overloads
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
  'no-self-compare': 'error',
  'no-template-curly-in-string': 'error',
  'no-unreachable-loop': 'error',
  'no-constructor-return': 'error',
  'array-callback-return': 'error',
  // Deliberate in this code base: the 4GL lexer and the quoting of user text match control
  // characters, and fixtures spell out the spaces of the text they match.
  'no-control-regex': 'off',
  'no-regex-spaces': 'off',
  // A type, not a bug: the few `any` are at the edges (untyped JSON the tests read).
  '@typescript-eslint/no-explicit-any': 'off',
};

/** Bugs only the types show, in what the product says and decides (tests may print any value in an assertion). */
const typeAwareProduct = {
  '@typescript-eslint/no-base-to-string': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
};

/** Bugs only the types show. */
const typeAware = {
  '@typescript-eslint/no-floating-promises': ['error', {
    allowForKnownSafeCalls: [
      // node:test's describe/it return a promise the runner itself awaits.
      { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
      // A notification's promise says only that it was written; it fails when the connection is gone.
      { from: 'package', package: 'vscode-jsonrpc', name: 'sendNotification' },
      { from: 'package', package: 'vscode-languageserver-protocol', name: 'sendNotification' },
      { from: 'package', package: 'vscode-languageserver', name: 'sendDiagnostics' },
    ],
  }],
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-for-in-array': 'error',
  '@typescript-eslint/no-implied-eval': 'error',
  '@typescript-eslint/only-throw-error': 'error',
  '@typescript-eslint/prefer-promise-reject-errors': 'error',
  '@typescript-eslint/no-array-delete': 'error',
  '@typescript-eslint/no-duplicate-type-constituents': 'error',
  // A promise returned unawaited from a try block escapes its catch and finally.
  '@typescript-eslint/return-await': ['error', 'in-try-catch'],
  // A number added to an object or undefined is a bug.
  '@typescript-eslint/restrict-plus-operands': ['error', { allowNumberAndString: true }],
  '@typescript-eslint/no-misused-spread': 'error',
};

export default defineConfig(
  { ignores: ['**/out/**', 'build/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/screenshots/**'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs', 'test/**/*.mjs', 'eslint.config.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: everywhere,
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: typeAware,
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: typeAwareProduct,
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: globals.node },
  },
);
