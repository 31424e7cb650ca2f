// Lint rules for the whole monorepo. Module boundaries follow the architecture:
// pure libraries import only pure libraries; workflow code only pure libraries and the
// Temporal workflow SDK; channels never reach the database.
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', '**/coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:pure', 'type:lib'] },
            { sourceTag: 'type:channels', onlyDependOnLibsWithTags: ['type:pure', 'type:lib'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:pure'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:pure', 'type:data'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:lib', 'type:data', 'type:service', 'type:channels', 'type:workflow'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    // Workflow code is replayed: no I/O, no Node built-ins, no database, channels or provider SDKs.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must stay deterministic: no Node built-ins.' })),
          patterns: [
            {
              group: ['@dunning/db', '@dunning/db/*', '@dunning/channels', '@dunning/channels/*', '@dunning/templating', '@dunning/templating/*'],
              message: 'Side effects belong in activities, not workflow code.',
            },
            { group: ['postmark', 'twilio', 'ssh2-sftp-client', 'pg', '@electric-sql/*', 'axios', 'node-fetch'], message: 'Provider SDKs and I/O belong in activities.' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflow code imports only @temporalio/workflow.' },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
    },
    languageOptions: { parserOptions: { project: './workflows/tsconfig.json' } },
  },
);
