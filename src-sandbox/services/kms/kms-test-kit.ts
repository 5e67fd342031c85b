import { KMSClient } from '@aws-sdk/client-kms';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';

/** Test helpers for the KMS conformance tests (real SDK against a started sandbox). */
export interface KmsKit {
  readonly t: TestSandbox;
  kms(profile?: string, region?: string): KMSClient;
}

export async function startKmsKit(
  options: Parameters<typeof startTestSandbox>[0] = {},
): Promise<KmsKit> {
  const t = await startTestSandbox(options);
  return {
    t,
    kms: (profile = 'prod', region = 'us-east-1') => new KMSClient(t.client(profile, region)),
  };
}

/** The error a promise rejects with, as `{ name, message }`. */
export async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    return { name: err.name ?? 'Error', message: err.message ?? '' };
  }
  throw new Error('expected the call to fail');
}
