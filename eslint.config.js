// Folder boundaries are enforced here, not by memory (STYLE.md): shared/ is pure, renderer/ never reaches into main or server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const rendererBan = { group: ['**/renderer/**'], message: 'Main and server code do not import the renderer.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', 'release/', 'test-results/', '.artifacts/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'ws'].map((name) => ({ name, message: 'shared/ is pure: no Node, Electron, DOM or React.' })),
        patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/scripts/**'], message: 'shared/ imports nothing from the other folders.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'better-sqlite3', 'ws'].map((name) => ({ name, message: 'The renderer has no Node: ask the host through the platform.' })),
        patterns: [{ group: ['**/electron/**', '**/server/**'], allowTypeImports: true, message: 'The renderer may import only types from electron/ and server/.' }],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**', 'server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [rendererBan] }],
    },
  },
  {
    // The host core and everything it assembles run in the browser host (and the command line) too, where there is no Electron.
    // ESLint does not merge rule options across blocks: this one repeats the renderer ban.
    files: ['electron/store/**', 'electron/channel/**', 'electron/host/**', 'electron/core/**', 'electron/app-api-handlers.ts', 'cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The host core runs without Electron: only electron/main.ts and its window wiring import it.' }],
        patterns: [rendererBan],
      }],
    },
  },
);
