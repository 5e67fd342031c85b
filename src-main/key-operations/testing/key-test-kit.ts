import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { KeywardError } from '../../../src-shared/errors';
import { createKeyInput } from '../../../src-shared/schemas/create-key-input';
import { testClientFactory } from '../../aws/testing/test-client-factory';
import { useSandbox } from '../../aws/testing/use-sandbox';
import { silentLogger } from '../../log/logger';
import { createKey } from '../create-key';
import type { KeyContext } from '../key-context';
import type { Progress } from '../progress-steps';

const ACCOUNTS: Readonly<Record<string, string>> = {
  prod: '111111111111',
  'prod-developer': '111111111111',
  backup: '222222222222',
};

/**
 * An in-process sandbox and a KeyContext over it: profile ids are the sandbox's credential
 * profiles (`prod`, `prod-developer`, `backup`), every call goes through the access layer.
 */
export function useKeyOperations() {
  const sandbox = useSandbox();
  const aws = testClientFactory();
  const dataDir = mkdtempSync(join(tmpdir(), 'keyward-keyops-'));
  afterAll(() => {
    aws.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const keys: KeyContext = {
    aws,
    dataDir,
    logger: silentLogger,
    principal: async (profileId) =>
      Promise.resolve({
        id: `test:${profileId}`,
        profileId,
        revision: '1',
        accountId: ACCOUNTS[profileId],
        target: {
          credentials: sandbox.t.credentials(profileId),
          endpoint: sandbox.t.sandbox.endpoint,
        },
      }),
  };
  return {
    sandbox,
    keys,
    dataDir,
    newKey: (input: Record<string, unknown> = {}) => newKey(keys, input),
  };
}

/** What an operation's progress reported (each step's title once, and the partials), for assertions. */
export function recordProgress(): Progress & {
  readonly titles: string[];
  readonly partials: unknown[];
} {
  const titles: string[] = [];
  const partials: unknown[] = [];
  return {
    titles,
    partials,
    signal: new AbortController().signal,
    progress: (_step, _count, title, _value, _detail, partial) => {
      if (partial !== undefined) partials.push(partial);
      if (titles.at(-1) !== title) titles.push(title);
    },
  };
}

export const DAY_MS = 86_400_000;

export const PROD_E1 = { profileId: 'prod', region: 'us-east-1' } as const;

/** The KeywardError a call fails with (the test fails if it succeeds). */
export async function errorOf(promise: Promise<unknown>): Promise<KeywardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KeywardError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** A new key in prod us-east-1 made through keys.create (defaults: symmetric, AWS_KMS). */
export async function newKey(keys: KeyContext, input: Record<string, unknown> = {}) {
  return (await createKey(keys, createKeyInput.parse({ ...PROD_E1, ...input }), recordProgress()))
    .metadata;
}
