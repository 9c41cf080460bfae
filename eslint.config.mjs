// @ts-check
import tseslint from 'typescript-eslint';

/**
 * STYLE.md 11: strict TypeScript, no floating promises, exhaustive switches, type-only imports
 * (the tests run as ES modules, where a type imported as a value breaks at run time), and
 * dependencies that point one way: contracts <- config <- persistence <- domain <- http <- apps.
 */
const layer = (name, forbidden) => ({
  files: [`libs/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message: `libs/${name} must not depend on ${group}` })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'apps/web/public/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read configuration through @hs/config',
        },
      ],
    },
  },
  {
    files: ['libs/config/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  layer('contracts', ['@hs/config', '@hs/persistence', '@hs/domain', '@hs/http', '**/apps/**']),
  layer('config', ['@hs/persistence', '@hs/domain', '@hs/http', '**/apps/**']),
  layer('persistence', ['@hs/domain', '@hs/http', '**/apps/**']),
  layer('domain', ['@hs/http', '**/apps/**']),
  layer('http', ['**/apps/**']),
  {
    files: ['apps/events/**/*.ts', 'apps/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/gateway/**'], message: 'the API and the worker publish; they never import the gateway' }] },
      ],
    },
  },
);
