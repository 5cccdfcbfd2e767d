// Flat ESLint config. Deliberately NOT type-checked (no parserOptions.project): `npm run lint` stays
// fast, and `npm run typecheck` (tsc --noEmit) already does the type-level checking.
//
// No WXT auto-import globals are declared: code imports `defineBackground`, `browser`, ... explicitly
// from '#imports' / 'wxt/browser'. TypeScript files don't need globals anyway (typescript-eslint turns
// off `no-undef` for them, tsc reports unknown names).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import uiText from './scripts/eslint/ui-text.js';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/.output/**',
      '**/.output-*/**',
      '**/test-results-*/**',
      '**/.wxt/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/demo-output/**',
      '**/bench-output/**',
      '**/.tmp/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // tools/spawn-sync-shim: a CommonJS stand-in package for an old dev dependency (see its index.js).
    files: ['tools/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Plain JS/MJS files here are Node-side config/scripts (e.g. this file).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // No hard-coded user-facing text in the UI: every string comes from locales/<lang>.yml through t()
    // (lib/i18n). Catches JSX text with letters, literal aria-label/title/placeholder/alt/label/hint props,
    // and, in the DOM-built overlay (lib/content), literal textContent/title/placeholder assignments and
    // aria-label/title attributes. tests/unit/i18n-lint.test.ts proves it fires on a planted string.
    // And sentences handed to the user through calls, errors and message properties (`setError('…')`,
    // `new Error('…')`, `{ message: '…' }`, zod messages): scripts/eslint/ui-text.js — in all of lib/ too,
    // since the worker's and the pages' errors end up on screen. Not lib/api: the wire schemas' issues are
    // English developer diagnostics on purpose, shown only in parentheses after a translated sentence.
    // Developer-only text elsewhere carries `// eslint-disable-next-line reimagine/no-ui-literal -- why`.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/api/**'],
    plugins: { reimagine: { rules: { 'no-ui-literal': uiText } } },
    rules: {
      'reimagine/no-ui-literal': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-z]{2}/]', message: 'User-facing text must come from t() (lib/i18n), not JSX text.' },
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|hint|summary|confirmLabel)$/] > Literal[value=/[A-Za-z]{2}/]',
          message: 'User-facing attribute text must come from t() (lib/i18n).',
        },
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|hint|summary|confirmLabel)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]',
          message: 'User-facing attribute text must come from t() (lib/i18n), not a template literal.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(textContent|innerText|title|placeholder|alt)$/] > Literal.right[value=/[A-Za-z]{2}/]',
          message: 'User-facing overlay text must come from t() (lib/i18n).',
        },
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^(aria-label|title|placeholder|alt)$/] > Literal[value=/[A-Za-z]{2}/]:nth-child(2)",
          message: 'User-facing overlay attribute text must come from t() (lib/i18n).',
        },
      ],
    },
  },
  {
    // Only the classic hook rules: the plugin's `recommended` preset also enables React-Compiler
    // rules (set-state-in-effect, refs, purity, ...) which are slow and opinionated for React 18 code.
    // Hooks also live in plain .ts modules of the app. Not applied to tests/scripts/bench: Playwright
    // fixtures call a `use()` callback that rules-of-hooks would mistake for React's `use`.
    files: ['**/*.{tsx,jsx}', '{lib,components,entrypoints,hooks,utils}/**/*.{ts,js}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
