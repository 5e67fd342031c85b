import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of style.md A.3 are only worth having if they fire: lint snippets as if
// they lived in each folder and check the verdict, for every rule in eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

/** `import { name } from 'source'` and a use of it, so nothing else in the snippet complains. */
const importing = (source: string, name = 'x') =>
  `import { ${name} } from '${source}';\nexport const y = ${name};\n`;

type Case = readonly [source: string, file: string, name?: string];

/** For each rule: imports it refuses, and imports of the same file it lets through. */
const layering: Record<string, { refuses: readonly Case[]; allows: readonly Case[] }> = {
  'layers/renderer-no-node': {
    refuses: [
      ['node:fs', 'src-renderer/src/x.ts'],
      ['fs', 'src-renderer/src/x.ts'],
      ['fs/promises', 'src-renderer/src/x.ts'],
      ['net', 'src-renderer/src/pages/X.tsx'],
      ['node:child_process', 'src-renderer/src/x.ts'],
    ],
    allows: [
      ['react', 'src-renderer/src/x.ts', 'useState'],
      ['./path', 'src-renderer/src/x.ts'],
    ],
  },
  'layers/renderer-no-node-packages': {
    refuses: [
      ['@aws-sdk/client-kms', 'src-renderer/src/x.ts'],
      ['@smithy/node-http-handler', 'src-renderer/src/x.ts'],
      ['@aws-crypto/sha256-js', 'src-renderer/src/x.ts'],
      ['better-sqlite3', 'src-renderer/src/x.ts'],
      ['@napi-rs/keyring', 'src-renderer/src/x.ts'],
      ['https-proxy-agent', 'src-renderer/src/x.ts'],
      ['proxy-from-env', 'src-renderer/src/x.ts'],
      ['electron', 'src-renderer/src/x.ts', 'ipcRenderer'],
    ],
    allows: [
      ['@mantine/core', 'src-renderer/src/x.ts', 'Button'],
      ['zod', 'src-renderer/src/x.ts', 'z'],
    ],
  },
  'layers/renderer-imports': {
    refuses: [
      ['../../src-main/api/dispatcher', 'src-renderer/src/x.ts'],
      ['../../src-preload/index', 'src-renderer/src/x.ts'],
      ['../../src-sandbox/server', 'src-renderer/src/x.ts'],
      ['../../src-node/sqlite/open-database', 'src-renderer/src/x.ts'],
    ],
    allows: [['../../src-shared/contract', 'src-renderer/src/x.ts', 'contract']],
  },
  'layers/renderer-toasts-through-notify': {
    refuses: [
      ['@mantine/notifications', 'src-renderer/src/pages/X.tsx', 'notifications'],
      ['@mantine/notifications', 'src-renderer/src/components/Y/Y.tsx', 'notifications'],
    ],
    allows: [
      ['@mantine/notifications', 'src-renderer/src/components/notify/notify.ts', 'notifications'],
      ['@mantine/notifications', 'src-renderer/src/App.tsx', 'Notifications'],
      ['./components/notify/notify', 'src-renderer/src/pages/X.tsx', 'notifySuccess'],
    ],
  },
  'layers/renderer-dialogs-through-modal-frame': {
    refuses: [
      ['@mantine/core', 'src-renderer/src/pages/X.tsx', 'Modal'],
      ['@mantine/core', 'src-renderer/src/components/Y/Y.tsx', 'Modal'],
    ],
    allows: [
      ['@mantine/core', 'src-renderer/src/components/ModalFrame/ModalFrame.tsx', 'Modal'],
      ['@mantine/core', 'src-renderer/src/pages/X.tsx', 'Button'],
      ['../components/ModalFrame/ModalFrame', 'src-renderer/src/pages/X.tsx', 'ModalFrame'],
    ],
  },
  'layers/shared-no-runtime': {
    refuses: [
      ['node:crypto', 'src-shared/x.ts'],
      ['crypto', 'src-shared/x.ts'],
      ['react', 'src-shared/x.ts', 'useState'],
      ['@mantine/core', 'src-shared/x.ts', 'Button'],
      ['electron', 'src-shared/x.ts', 'app'],
      ['@aws-sdk/client-kms', 'src-shared/x.ts'],
      ['better-sqlite3', 'src-shared/x.ts'],
    ],
    allows: [['zod', 'src-shared/x.ts', 'z']],
  },
  'layers/shared-imports-shared': {
    refuses: [
      ['../src-main/log/logger', 'src-shared/x.ts'],
      ['../../src-sandbox/server', 'src-shared/policy/x.ts'],
      ['../src-renderer/src/api/client', 'src-shared/x.ts'],
      ['../src-node/sqlite/open-database', 'src-shared/x.ts'],
    ],
    allows: [['../errors', 'src-shared/contract/x.ts', 'KeywardError']],
  },
  'layers/node-layer-imports': {
    refuses: [
      ['../../src-main/log/logger', 'src-node/sqlite/x.ts'],
      ['../../src-sandbox/state/database', 'src-node/sqlite/x.ts'],
      ['../../src-renderer/src/api/client', 'src-node/sqlite/x.ts'],
    ],
    allows: [
      ['../../src-shared/errors', 'src-node/sqlite/x.ts', 'KeywardError'],
      ['node:fs', 'src-node/sqlite/x.ts', 'existsSync'],
    ],
  },
  'layers/sandbox-imports': {
    refuses: [
      ['../../src-main/log/logger', 'src-sandbox/state/x.ts'],
      ['../../src-renderer/src/api/client', 'src-sandbox/state/x.ts'],
      ['../src-preload/index', 'src-sandbox/x.ts'],
    ],
    allows: [
      ['../../src-node/sqlite/open-database', 'src-sandbox/state/x.ts', 'openSqliteDatabase'],
      ['../../src-shared/policy', 'src-sandbox/auth/x.ts', 'authorize'],
    ],
  },
  'layers/electron-only-in-host': {
    refuses: [
      ['electron', 'src-main/keys/x.ts', 'app'],
      ['electron', 'src-main/web/x.ts', 'shell'],
      ['electron/main', 'src-main/app/x.ts', 'app'],
      ['electron', 'src-sandbox/x.ts', 'app'],
      ['electron', 'src-node/x.ts', 'app'],
    ],
    allows: [
      ['electron', 'src-main/electron/window-x.ts', 'BrowserWindow'],
      ['electron', 'src-main/index.ts', 'app'],
    ],
  },
  'layers/raw-ipc': {
    refuses: [
      ['electron', 'src-main/electron/window-x.ts', 'ipcMain'],
      ['electron/main', 'src-main/electron/menu-x.ts', 'ipcMain'],
      ['electron', 'src-main/index.ts', 'ipcMain'],
    ],
    allows: [
      ['electron', 'src-main/electron/ipc/x.ts', 'ipcMain'],
      ['electron', 'src-preload/x.ts', 'ipcRenderer'],
    ],
  },
  'layers/main-imports': {
    refuses: [
      ['../../src-renderer/src/api/client', 'src-main/keys/x.ts'],
      ['../../src-preload/index', 'src-main/electron/x.ts'],
      // The IPC adapter is exempt from the raw-IPC rule only, not from the others.
      ['../../../src-renderer/src/api/client', 'src-main/electron/ipc/x.ts'],
      ['../../e2e/fixtures/launch-app', 'src-main/keys/x.ts'],
    ],
    allows: [['../../src-node/sqlite/open-database', 'src-main/audit/x.ts', 'openSqliteDatabase']],
  },
  'layers/sandbox-through-server': {
    refuses: [
      ['../../src-sandbox/services/kms', 'src-main/sandbox/x.ts'],
      ['../../src-sandbox/state/database', 'src-main/sandbox/x.ts'],
      ['../../src-sandbox/services/kms', 'src-main/profiles/x.ts'],
    ],
    allows: [
      ['../../src-sandbox/server', 'src-main/sandbox/x.ts', 'start'],
      ['../../src-sandbox/testing/test-sandbox', 'src-main/profiles/x.test.ts', 'startTestSandbox'],
      [
        '../../../src-sandbox/testing/test-sandbox',
        'src-main/aws/testing/x.ts',
        'startTestSandbox',
      ],
    ],
  },
  'layers/sandbox-started-by-main-sandbox': {
    refuses: [
      ['../../src-sandbox/services/kms', 'src-main/profiles/x.ts'],
      ['../../src-sandbox/server', 'src-main/profiles/x.ts', 'start'],
      ['../src-sandbox/server', 'src-main/index.ts', 'start'],
      ['../../../src-sandbox/server', 'src-main/electron/ipc/x.ts', 'start'],
    ],
    allows: [
      ['../../src-sandbox/server', 'src-main/sandbox/x.ts', 'start'],
      ['../../src-sandbox/seed/demo-world', 'src-main/profiles/x.test.ts', 'DEMO_MFA_SECRET'],
      ['../../../src-sandbox/server', 'src-main/aws/testing/x.ts', 'start'],
    ],
  },
  'layers/api-from-hosts': {
    refuses: [
      ['../api/handler-types', 'src-main/operations/x.ts'],
      ['../api/dispatcher', 'src-main/diagnostics/x.ts'],
      ['../../api/handler-types', 'src-main/profiles/sso/x.ts'],
      ['./api/dispatcher', 'src-main/index.ts'],
      ['../api/dispatcher', 'src-main/web/event-stream.ts'],
      ['../../api/dispatcher', 'src-main/electron/security/x.ts'],
    ],
    allows: [
      ['../api/dispatcher', 'src-main/app/create-app.ts', 'createDispatcher'],
      ['../../api/dispatcher', 'src-main/electron/ipc/handle.ts', 'createDispatcher'],
      ['../api/dispatcher', 'src-main/web/web-host.ts', 'createDispatcher'],
      ['./handler-types', 'src-main/api/x.ts', 'AreaHandlers'],
      ['./sso-api', 'src-main/profiles/sso/x.ts', 'logout'],
    ],
  },
  'layers/preload-imports': {
    refuses: [
      ['zod', 'src-preload/x.ts', 'z'],
      ['node:path', 'src-preload/x.ts', 'join'],
      ['@aws-sdk/client-kms', 'src-preload/x.ts'],
      ['../src-shared/contract', 'src-preload/x.ts', 'contract'],
      ['../src-main/api/dispatcher', 'src-preload/x.ts'],
    ],
    allows: [
      ['electron', 'src-preload/x.ts', 'contextBridge'],
      ['../src-shared/contract/channel-names', 'src-preload/x.ts', 'callChannel'],
    ],
  },
};

describe.each(Object.entries(layering))('%s', (rule, { refuses, allows }) => {
  const named = (cases: readonly Case[]) =>
    cases.map(([source, file, name]) => ({ source, file, name }));

  it.each(named(refuses))('refuses $source in $file', async ({ source, file, name }) => {
    expect(await ruleIds(importing(source, name), file)).toContain(rule);
  });

  it.each(named(allows))('allows $source in $file', async ({ source, file, name }) => {
    expect(await ruleIds(importing(source, name), file)).toEqual([]);
  });
});

describe('layering rules', () => {
  it('are each proven above', () => {
    const declared = [...readFileSync('eslint.config.js', 'utf8').matchAll(/layer\('([\w-]+)'/g)]
      .map((match) => `layers/${match[1]}`)
      .sort();
    expect(declared).toEqual(Object.keys(layering).sort());
    const syntax = [
      ...readFileSync('eslint.config.js', 'utf8').matchAll(/syntaxRule\('([\w-]+)'/g),
    ];
    expect(syntax.map((match) => match[1])).toEqual(['aws-clients-in-access-layer']);
  });

  it('refuse in the renderer every dependency but the UI’s own', async () => {
    const ui =
      /^(@mantine\/|@tabler\/|@tanstack\/(react-query|react-table|react-virtual)$|@codemirror\/|codemirror$|react$|react-dom$|react-router$|zod$)/;
    const { dependencies, devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const runtime = [...Object.keys(dependencies), 'electron'];
    expect(Object.keys(devDependencies)).toContain('electron');
    for (const name of runtime) {
      const verdict = await ruleIds(importing(name), 'src-renderer/src/x.ts');
      if (ui.test(name)) expect(verdict, name).toEqual([]);
      else expect(verdict, name).toContain('layers/renderer-no-node-packages');
    }
  });

  it('refuses components reaching for window.keyward', async () => {
    expect(
      await ruleIds('export const x = window.keyward;\n', 'src-renderer/src/pages/X.tsx'),
    ).toContain('no-restricted-properties');
    expect(
      await ruleIds('export const x = window.keyward;\n', 'src-renderer/src/api/bridge.ts'),
    ).toEqual([]);
  });

  it('refuses AWS clients built outside the access layer', async () => {
    const code =
      "import { STSClient } from '@aws-sdk/client-sts';\nexport const sts = new STSClient({});\n";
    const rule = 'layers/aws-clients-in-access-layer';
    expect(await ruleIds(code, 'src-main/profiles/x.ts')).toContain(rule);
    expect(await ruleIds(code, 'src-main/keys/x.ts')).toContain(rule);
    expect(await ruleIds(code, 'src-main/aws/client-factory-x.ts')).toEqual([]);
    expect(await ruleIds(code, 'src-main/profiles/x.test.ts')).toEqual([]);
  });

  it('refuses webContents.send outside send.ts', async () => {
    const code =
      'export function f(w: { webContents: { send(c: string): void } }) {\n  w.webContents.send("x");\n}\n';
    expect(await ruleIds(code, 'src-main/electron/window-x.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds(code, 'src-main/electron/ipc/send.ts')).toEqual([]);
  });
});
