import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of style.md A.3 are only worth having if they fire: lint snippets as if
// they lived in each folder and check the verdict.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layering rules', () => {
  it.each([
    [
      'the renderer importing electron',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      'src-renderer/src/x.ts',
    ],
    [
      'the renderer importing Node',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'src-renderer/src/x.ts',
    ],
    [
      'the renderer importing main code',
      "import { createDispatcher } from '../../src-main/api/dispatcher';\nexport const x = createDispatcher;\n",
      'src-renderer/src/x.ts',
    ],
    [
      'the renderer importing the AWS SDK',
      "import { KMSClient } from '@aws-sdk/client-kms';\nexport const x = KMSClient;\n",
      'src-renderer/src/x.ts',
    ],
    [
      'src-shared importing Node',
      "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n",
      'src-shared/x.ts',
    ],
    [
      'src-shared importing React',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'src-shared/x.ts',
    ],
    [
      'a service importing electron',
      "import { app } from 'electron';\nexport const x = app;\n",
      'src-main/keys/x.ts',
    ],
    [
      'raw ipcMain outside the IPC adapter',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
      'src-main/electron/window-x.ts',
    ],
    [
      'the preload importing zod',
      "import { z } from 'zod';\nexport const x = z;\n",
      'src-preload/x.ts',
    ],
    [
      'the preload importing the full contract',
      "import { contract } from '../src-shared/contract';\nexport const x = contract;\n",
      'src-preload/x.ts',
    ],
  ])('refuses %s', async (_label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  });

  it('refuses components reaching for window.keyward', async () => {
    expect(
      await ruleIds('export const x = window.keyward;\n', 'src-renderer/src/pages/X.tsx'),
    ).toContain('no-restricted-properties');
  });

  it('refuses webContents.send outside send.ts', async () => {
    const code =
      'export function f(w: { webContents: { send(c: string): void } }) {\n  w.webContents.send("x");\n}\n';
    expect(await ruleIds(code, 'src-main/electron/window-x.ts')).toContain('no-restricted-syntax');
  });

  it('allows what each layer is meant to use', async () => {
    expect(
      await ruleIds(
        "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
        'src-main/electron/ipc/x.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { contextBridge } from 'electron';\nimport { callNames } from '../src-shared/contract/channel-names';\nexport const x = [contextBridge, callNames];\n",
        'src-preload/x.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds("import { z } from 'zod';\nexport const x = z;\n", 'src-shared/x.ts'),
    ).toEqual([]);
  });
});
