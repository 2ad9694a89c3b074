// One lint config for the whole tree: type-aware rules, import cycles and the dependency
// direction (services → core → domain, contracts, db, queue; domain imports nothing of ours;
// the demo sits beside the product, which never imports it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const noServices = {
  group: ['@hotline/api', '@hotline/worker', '@hotline/web', '@hotline/api/*', '@hotline/worker/*'],
  message: 'Nothing but tests imports a service.',
};
// The demo's data and replay (packages/demo) are loaded by `npm start` and used by tests; what
// production runs never imports them, so it cannot ship known passwords or seed by mistake.
const noDemo = {
  group: ['@hotline/demo', '@hotline/demo/*', '**/demo/src/**'],
  message:
    'Production code never imports the demo: only packages/demo, the test helpers and tests.',
};
const noDeepImports = {
  group: ['@hotline/*/src/*', '@hotline/*/*'],
  message: 'Import a package through its entry point only.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'packages/db/migrations/**',
      // Generated from the OpenAPI document (pnpm --filter @hotline/web gen:api).
      'services/web/console/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Fastify plugins and handlers are async by convention, awaited or not.
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: [noServices, noDemo, noDeepImports] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in packages/config.' },
      ],
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@hotline/*'], message: 'The domain imports nothing of ours.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain never reads the clock: pass time in.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain never reads the clock: pass time in.',
        },
      ],
    },
  },
  {
    files: ['services/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            noDemo,
            // The API process mounts the web pages (same origin for cookies); nothing else.
            {
              group: ['@hotline/worker'],
              message: 'Services never import each other.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['services/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            noDemo,
            {
              group: ['@hotline/api', '@hotline/web'],
              message: 'Services never import each other.',
            },
          ],
        },
      ],
    },
  },
  {
    // The demo drives the product's use cases; the test helpers may load it.
    files: ['packages/demo/**/*.ts', 'packages/testing/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServices, noDeepImports] }] },
  },
  {
    // Tests and benchmarks drive the services in-process.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDeepImports] }] },
  },
  {
    // Configuration, and benchmarks whose sizes are set per run.
    files: [
      'packages/config/**/*.ts',
      '*.config.ts',
      '*.config.js',
      'infra/**/*.mjs',
      'bench/**/*.ts',
      // Which Chromium the browser tests drive is set per machine (infra/local/web.sh).
      'tests/support/browser.ts',
      // How long the fuzz test runs is set per run (FUZZ_SECONDS and the like).
      'tests/fuzz/fuzz-settings.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'writable' },
    },
  },
);
