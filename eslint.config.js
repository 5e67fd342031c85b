// Layering rules (style.md A.3): each src-* folder promises one runtime.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'child_process',
  'url',
];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in src-main/electron/ipc/ and src-preload/. Use the typed contract.',
};

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tmp/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict([
      { group: nodeBuiltins, message: 'src-shared is runtime-free: no Node built-ins.' },
      {
        group: ['electron', 'react', 'react-dom', '@mantine/*'],
        message: 'src-shared imports nothing runtime-specific.',
      },
      {
        group: ['**/src-main/**', '**/src-renderer/**', '**/src-preload/**', '**/src-sandbox/**'],
        message: 'src-shared imports only src-shared.',
      },
    ]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: ['electron', 'electron/*'],
          message: 'The renderer never imports electron: use api/client.',
        },
        { group: nodeBuiltins, message: 'The renderer has no Node.' },
        { group: ['@aws-sdk/*'], message: 'The renderer never talks to AWS.' },
        {
          group: ['**/src-main/**', '**/src-preload/**', '**/src-sandbox/**'],
          message: 'The renderer imports only src-shared and itself.',
        },
      ]),
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/api/**', 'src-renderer/src/test-utils/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'keyward',
          message: 'Components call api/client, never window.keyward.',
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: restrict(
      [
        {
          group: ['**/src-renderer/**', '**/src-preload/**'],
          message: 'src-main does not import renderer or preload code.',
        },
        { group: ['**/e2e/**'], message: 'Product code never imports tests.' },
        {
          regex: '^(?!.*src-sandbox/server$).*src-sandbox/',
          message: 'src-main embeds the sandbox only through src-sandbox/server (start/stop).',
        },
      ],
      [rawIpc],
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/index.ts'],
    rules: restrict([
      {
        group: ['electron', 'electron/*'],
        message:
          'Only src-main/electron/ (and the entry) may use Electron: services stay host-free.',
      },
      { group: ['**/src-renderer/**', '**/src-preload/**', '**/e2e/**'], message: 'Wrong layer.' },
    ]),
  },
  {
    files: ['src-main/electron/ipc/**/*.ts', 'src-preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'A sandboxed preload can require only electron.' },
      {
        group: ['zod', '@aws-sdk/*', '**/src-main/**', '**/src-renderer/**'],
        message: 'Keep the preload tiny: electron and channel-names only.',
      },
      {
        regex: '^(?!.*src-shared/contract/channel-names$).*src-shared/',
        message: 'The preload imports only src-shared/contract/channel-names.',
      },
    ]),
  },
  {
    files: [
      'src-main/**/*.ts',
      'src-renderer/**/*.{ts,tsx}',
      'src-shared/**/*.ts',
      'src-preload/**/*.ts',
    ],
    ignores: ['src-main/electron/ipc/send.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
          message: 'Send to the renderer only through src-main/electron/ipc/send.ts.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests of main may drive the sandbox directly (e.g. compute its demo MFA codes).
    files: ['src-main/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
