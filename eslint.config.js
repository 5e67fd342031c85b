// Layering rules (style.md A.3, design.md §2 and §5): each src-* folder promises one runtime.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// ESLint keeps one set of options per rule and file: a later block that names a rule replaces
// the options an earlier block gave it. So every layering promise below is its own rule (core
// no-restricted-imports under its own name, `layers/<promise>`), and each applies to every file
// its block names, whatever other blocks also match the file. scripts/layering-rules.test.ts
// proves each one fires, and lets a legal import through.
const layerRules = {}; // filled by layer() below, before ESLint reads the config

/** One promise: `files` (minus `ignores`) must not import what `patterns` name. */
function layer(name, { files, ignores = [], patterns }) {
  layerRules[name] = builtinRules.get('no-restricted-imports');
  return {
    files,
    ignores,
    rules: { [`layers/${name}`]: ['error', { patterns }] },
  };
}

/**
 * A promise about code rather than imports (core no-restricted-syntax under its own name, so it
 * adds to, never replaces, the other syntax rules of a file).
 */
function syntaxRule(name, { files, ignores = [], selector, message }) {
  layerRules[name] = builtinRules.get('no-restricted-syntax');
  return { files, ignores, rules: { [`layers/${name}`]: ['error', { selector, message }] } };
}

const anyOf = (names) => names.map((name) => name.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Every Node built-in, as `fs` and as `node:fs`. */
const nodeBuiltins = `^(node:.*|(${anyOf(builtinModules)})(/.*)?)$`;
/** Packages that need Node, a native addon or AWS credentials: never in a page, never in src-shared. */
const nodeOnlyPackages =
  '^(@aws-sdk/|@smithy/|@aws-crypto/|@napi-rs/|(better-sqlite3|https-proxy-agent|proxy-from-env|electron|electron-vite|electron-builder)(/|$))';
/** An import of another top-level folder, by relative or bare path. */
const folder = (...names) => `(^|/)(${names.join('|')})(/|$)`;

const productCode = ['src-*/**/*.{ts,tsx}'];
// Test files and the helpers only they import (a `testing/` folder).
const tests = ['**/*.test.{ts,tsx}', '**/testing/**'];

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
    plugins: { layers: { rules: layerRules } },
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

  // ── src-renderer: the DOM and the typed client only ─────────────────────────────────────
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer('renderer-no-node', {
    files: ['src-renderer/**/*.{ts,tsx}'],
    patterns: [{ regex: nodeBuiltins, message: 'The renderer has no Node.' }],
  }),
  layer('renderer-no-node-packages', {
    files: ['src-renderer/**/*.{ts,tsx}'],
    patterns: [
      {
        regex: nodeOnlyPackages,
        message:
          'The renderer never loads Electron, native addons or the AWS SDK: it calls api/client.',
      },
    ],
  }),
  layer('renderer-imports', {
    files: ['src-renderer/**/*.{ts,tsx}'],
    patterns: [
      {
        regex: folder('src-main', 'src-preload', 'src-sandbox', 'src-node', 'e2e'),
        message: 'The renderer imports only src-shared and itself.',
      },
    ],
  }),
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

  layer('renderer-toasts-through-notify', {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/components/notify/**', ...tests],
    patterns: [
      {
        regex: '^@mantine/notifications$',
        importNames: ['notifications'],
        message:
          'Toasts go through components/notify (notifySuccess, notifyError …): one place decides where they appear and how long they stay.',
      },
    ],
  }),

  layer('renderer-dialogs-through-modal-frame', {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/components/ModalFrame/**', ...tests],
    patterns: [
      {
        regex: '^@mantine/core$',
        importNames: ['Modal'],
        message:
          'Dialogs are a ModalFrame with a ModalFooter (components/ModalFrame): centred, at most the window high, buttons always in view.',
      },
    ],
  }),

  // ── src-shared: pure TypeScript for every runtime ───────────────────────────────────────
  { files: ['src-shared/**/*.ts'], languageOptions: { globals: {} } },
  layer('shared-no-runtime', {
    files: ['src-shared/**/*.ts'],
    patterns: [
      { regex: nodeBuiltins, message: 'src-shared is runtime-free: no Node built-ins.' },
      { regex: nodeOnlyPackages, message: 'src-shared is runtime-free: no Node-only packages.' },
      {
        regex: '^(react|react-dom|@mantine/.*)(/.*)?$',
        message: 'src-shared imports nothing runtime-specific.',
      },
    ],
  }),
  layer('shared-imports-shared', {
    files: ['src-shared/**/*.ts'],
    patterns: [
      {
        regex: folder('src-main', 'src-renderer', 'src-preload', 'src-sandbox', 'src-node', 'e2e'),
        message: 'src-shared imports only src-shared.',
      },
    ],
  }),

  // ── src-node: Node-only code shared by the main process and the sandbox ─────────────────
  layer('node-layer-imports', {
    files: ['src-node/**/*.ts'],
    patterns: [
      {
        regex: folder('src-main', 'src-sandbox', 'src-renderer', 'src-preload', 'e2e'),
        message: 'src-node serves src-main and src-sandbox; it imports only src-shared and itself.',
      },
    ],
  }),

  // ── src-sandbox: the offline AWS, started by src-main but never reaching into it ────────
  layer('sandbox-imports', {
    files: ['src-sandbox/**/*.ts'],
    patterns: [
      {
        regex: folder('src-main', 'src-renderer', 'src-preload', 'e2e'),
        message: 'The sandbox imports only src-shared, src-node and itself.',
      },
    ],
  }),

  // ── Electron and raw IPC stay in the host adapter ───────────────────────────────────────
  layer('electron-only-in-host', {
    files: productCode,
    ignores: ['src-main/electron/**', 'src-main/index.ts', 'src-preload/**'],
    patterns: [
      {
        regex: '^electron(/|$)',
        message:
          'Only src-main/electron/ and src-main/index.ts (and the preload) use Electron: services stay host-free.',
      },
    ],
  }),
  layer('raw-ipc', {
    files: productCode,
    ignores: ['src-main/electron/ipc/**', 'src-preload/**'],
    patterns: [
      {
        regex: '^electron(/|$)',
        importNames: ['ipcMain', 'ipcRenderer'],
        message:
          'Raw IPC lives only in src-main/electron/ipc/ and src-preload/. Use the typed contract.',
      },
    ],
  }),

  // ── src-main ────────────────────────────────────────────────────────────────────────────
  layer('main-imports', {
    files: ['src-main/**/*.ts'],
    patterns: [
      {
        regex: folder('src-renderer', 'src-preload'),
        message: 'src-main does not import renderer or preload code.',
      },
      { regex: folder('e2e'), message: 'Product code never imports tests.' },
    ],
  }),
  // Tests of main may drive the sandbox directly (its test kit, its demo MFA codes).
  layer('sandbox-through-server', {
    files: ['src-main/**/*.ts'],
    ignores: tests,
    patterns: [
      {
        regex: '^(?!.*src-sandbox/server$).*src-sandbox(/|$)',
        message: 'src-main embeds the sandbox only through src-sandbox/server (start/stop).',
      },
    ],
  }),
  layer('sandbox-started-by-main-sandbox', {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/sandbox/**', ...tests],
    patterns: [
      {
        regex: folder('src-sandbox'),
        message:
          'Only src-main/sandbox/ starts the embedded sandbox; services reach it as any AWS endpoint.',
      },
    ],
  }),
  layer('api-from-hosts', {
    files: ['src-main/**/*.ts'],
    ignores: [
      'src-main/api/**',
      'src-main/app/create-app.ts',
      'src-main/electron/ipc/**',
      'src-main/web/web-host.ts',
    ],
    patterns: [
      {
        regex: '^(\\./|(\\.\\./)+)api(/|$)|(^|/)src-main/api(/|$)',
        message:
          'api/ binds handlers to the contract: only the composition root (app/create-app.ts) and the host bindings (electron/ipc/, web/web-host.ts) import it. The operation context, event bus and error serialisation live in operations/.',
      },
    ],
  }),

  // ── src-preload: sandboxed, one small CommonJS file ─────────────────────────────────────
  layer('preload-imports', {
    files: ['src-preload/**/*.ts'],
    ignores: tests,
    patterns: [
      {
        regex: '^(?!(electron|\\./.*|(\\.\\./)+src-shared/contract/channel-names)$)',
        message:
          'A sandboxed preload requires only electron (no Node, zod or AWS SDK) and src-shared/contract/channel-names.',
      },
    ],
  }),

  syntaxRule('aws-clients-in-access-layer', {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/aws/**', ...tests],
    selector: 'NewExpression[callee.name=/Client$/]',
    message:
      'Only src-main/aws/ builds AWS clients (quotas, call log, network settings): ask its client factory.',
  }),
  {
    files: productCode,
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
    files: [...tests, 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
