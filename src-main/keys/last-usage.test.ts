import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import type { ClientFactory } from '../aws/client-factory';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { useSandbox } from '../aws/testing/use-sandbox';
import { silentLogger } from '../log/logger';
import { createLastUsageReader } from './last-usage';

const sandbox = useSandbox({ kmsRequestQuotas: 'on' });
const ctx = { correlationId: 'test', logger: silentLogger };
const APP_DATA = '1a2b3c4d-0001-4aaa-8bbb-111111110001';
const LEGACY = '1a2b3c4d-0002-4aaa-8bbb-111111110002';

describe('keys.lastUsage', () => {
  it('answers used / never-used per key, 12 keys within the 5/s quota with no throttle', async () => {
    const kms = new KMSClient(sandbox.t.client('prod', 'us-east-1'));
    await kms.send(new EncryptCommand({ KeyId: APP_DATA, Plaintext: new Uint8Array([1, 2, 3]) }));
    kms.destroy();
    const aws = testClientFactory({ maxAttempts: 1 });
    const reader = createLastUsageReader({
      aws,
      principal: () => Promise.resolve(sandbox.principal('prod')),
    });
    const place = { profileId: 'prod', region: 'us-east-1' };
    const refs = [APP_DATA, ...Array.from({ length: 11 }, () => LEGACY)].map((keyId) => ({
      ...place,
      keyId,
    }));
    const started = performance.now();
    const answers = await reader.read(refs, ctx);
    expect(answers[0]).toMatchObject({ keyId: APP_DATA, status: 'used', operation: 'Encrypt' });
    expect(answers[0]?.timestamp).not.toBeNull();
    expect(answers.slice(1).every((a) => a.status === 'never-used' && a.trackingStartDate)).toBe(
      true,
    );
    expect(aws.calls.recent().every((c) => c.outcome === 'ok')).toBe(true);
    // 12 calls at 5 a second (after a burst of at most 5): more than a second.
    expect(performance.now() - started).toBeGreaterThan(1000);
  });

  it('says "unavailable" where the endpoint has no GetKeyLastUsage, and fails one key alone', async () => {
    const failures = [
      new KeywardError('internal', 'kms GetKeyLastUsage failed (UnknownOperationException).', {
        aws: { code: 'UnknownOperationException' },
      }),
      new KeywardError('not-found', 'Key does not exist', { aws: { code: 'NotFoundException' } }),
    ];
    let i = 0;
    const aws = {
      client: () => Promise.resolve({ send: () => Promise.reject(failures[i++]) }),
    } as unknown as ClientFactory;
    const reader = createLastUsageReader({
      aws,
      principal: () => Promise.resolve(sandbox.principal('prod')),
    });
    const ref = { profileId: 'prod', region: 'us-east-1', keyId: LEGACY };
    const [gone, missing] = await reader.read([ref, ref], ctx);
    expect(gone?.status).toBe('unavailable');
    expect(missing).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
  });
});
