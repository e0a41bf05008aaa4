// ESLint for the whole TypeScript project (`npm run lint`, a tier of `npm test`).
//
// Type-aware rules only where they catch real bugs that `tsc --strict` lets through: a promise
// nobody awaits (a rejection that vanishes, a request answered before its work is done), a promise
// passed where a callback's result is ignored, `await` on a value that is not thenable, assertions
// that no longer assert anything, and `any` leaking out of JSON and library boundaries into code
// that then trusts it. Style is left to the reader; nothing here reformats code.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.cache/**',
      '.vscode-test/**',
      'test-artifacts/**',
      'test/fixtures/**',
      'test/ui/workspace/**',
      // the build script and this file are plain Node outside the TypeScript program
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.lua',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, comments.recommended],
    linterOptions: {
      // an inline `eslint-disable` that no longer silences anything is itself a finding
      reportUnusedDisableDirectives: 'error',
    },
    languageOptions: {
      parserOptions: {
        // one TypeScript program per tsconfig, the same one `tsc -p .` checks
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Promises: the bugs these catch are real in an LSP server and a CLI that stream output.
      // node:test's top-level test()/describe() return promises the runner itself tracks; a subtest's
      // `t.test()` is not on this list, since not awaiting it ends the parent before the child.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off', // async for an interface's sake is fine
      // Assertions that the compiler already knows are noise that hides the ones that matter.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // Template literals with numbers are everywhere in messages (合计 12 ≠ 13); only objects are bugs.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowRegExp: false },
      ],
      // `_`-prefixed parameters and caught errors are deliberate (an interface's signature, an error ignored on purpose).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `let x; const f = () => x?.…; x = …`: a closure may run before the one assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Every `eslint-disable` must say why beside it (`-- reason`), and names the rules it silences.
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    // Tests read JSON back (CLI output, SARIF, package.json, LSP payloads) and check it field by field
    // with node:assert: the assertion is the type check, and a wrong field fails the test. Typing each
    // parsed value again would only restate the assertion. Everything else above applies to tests too.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // An assertion's message may print `undefined`, an array or a pattern as it is: that is the point
      // of the message; the sources keep the stricter setting, since their text reaches the writer.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowArray: true, allowRegExp: true },
      ],
    },
  },
);
