import { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import { SANDBOX_SCOPE } from '../../seed/seeder';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';
import { EC2_SANDBOX_SETTINGS, EC2_SETTINGS_ID } from './model';

/** Test helpers for the EC2 service (used by the colocated *.test.ts files only). */
export interface Ec2TestKit {
  readonly t: TestSandbox;
  ec2(profile?: string, region?: string): EC2Client;
  setAsyncDuration(ms: number): void;
}

export async function startEc2Kit(asyncDurationMs = 0, dataDir?: string): Promise<Ec2TestKit> {
  const t = await startTestSandbox(dataDir === undefined ? {} : { dataDir });
  const setAsyncDuration = (ms: number) =>
    t.sandbox.runtime.store.write((tx) =>
      tx.put(EC2_SANDBOX_SETTINGS, SANDBOX_SCOPE, EC2_SETTINGS_ID, { asyncDurationMs: ms }),
    );
  setAsyncDuration(asyncDurationMs);
  return {
    t,
    ec2: (profile = 'prod', region = 'us-east-1') => new EC2Client(t.client(profile, region)),
    setAsyncDuration,
  };
}

/** One EC2 kit for the calling test file: started before its tests, stopped after them. */
export function useEc2Kit(): Ec2TestKit {
  let started: Ec2TestKit | undefined;
  const current = (): Ec2TestKit => {
    if (!started) throw new Error('the EC2 test kit is used before beforeAll started it');
    return started;
  };
  beforeAll(async () => {
    started = await startEc2Kit();
  });
  afterAll(async () => {
    await started?.t.stop();
  });
  return {
    get t() {
      return current().t;
    },
    ec2: (profile, region) => current().ec2(profile, region),
    setAsyncDuration: (ms) => current().setAsyncDuration(ms),
  };
}

export interface SdkError {
  readonly name: string;
  readonly message: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export async function errorOf(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
