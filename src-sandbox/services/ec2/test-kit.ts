import { EC2Client } from '@aws-sdk/client-ec2';
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
