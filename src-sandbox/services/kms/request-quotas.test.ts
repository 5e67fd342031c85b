import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateKeyCommand,
  GetParametersForImportCommand,
  KMSServiceException,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../types';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';
import { symmetricQuota } from '../../../src-shared/quotas/kms';
import { KmsRequestQuotas } from './request-quotas';

let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit({ kmsRequestQuotas: 'on', lookupEventsRate: 'off' });
});
afterAll(async () => {
  await kit.t.stop();
});

describe('KMS request quotas (SDK)', () => {
  it('throttles CreateKey beyond 5 per second with ThrottlingException "Rate exceeded", recorded in CloudTrail', async () => {
    const kms = kit.kms('backup');
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, () => kms.send(new CreateKeyCommand({ Description: 'burst' }))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const throttled = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(throttled.length).toBeGreaterThan(0);
    for (const e of throttled) {
      expect(e).toBeInstanceOf(KMSServiceException);
      expect(e.name).toBe('ThrottlingException');
      expect(e.message).toBe('Rate exceeded');
      expect((e as KMSServiceException).$metadata.httpStatusCode).toBe(400);
    }
    const trail = new CloudTrailClient(kit.t.client('backup'));
    const page = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateKey' }],
        MaxResults: 50,
      }),
    );
    const codes = (page.Events ?? []).map(
      (e) => (JSON.parse(e.CloudTrailEvent ?? '{}') as { errorCode?: string }).errorCode,
    );
    expect(codes.filter((c) => c === 'ThrottlingException').length).toBe(throttled.length);
  });

  it('allows one GetParametersForImport every 4 seconds per account and Region', async () => {
    const kms = kit.kms('prod');
    const created = await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    const params = {
      KeyId: created.KeyMetadata?.KeyId ?? '',
      WrappingAlgorithm: 'RSAES_OAEP_SHA_256' as const,
      WrappingKeySpec: 'RSA_2048' as const,
    };
    await kms.send(new GetParametersForImportCommand(params));
    const second = await errorOf(kms.send(new GetParametersForImportCommand(params)));
    expect(second).toEqual({ name: 'ThrottlingException', message: 'Rate exceeded' });
    // Counted per Region: the same account in another Region is not throttled.
    const west = kit.kms('prod', 'us-west-2');
    const other = await west.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    const out = await west.send(
      new GetParametersForImportCommand({ ...params, KeyId: other.KeyMetadata?.KeyId ?? '' }),
    );
    expect(out.ImportToken).toBeDefined();
  });
});

describe('shared cryptographic-operation quotas', () => {
  const ctx = (operation: string, region = 'us-east-1') =>
    ({
      operation,
      account: '111111111111',
      region,
      service: {
        errors: {
          throttling: { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 },
        },
      },
    }) as unknown as ServiceContext;

  it('counts Sign, Verify and Decrypt with RSA keys in one 500/s pool, apart from symmetric keys', () => {
    const quotas = new KmsRequestQuotas('on', () => 1000); // a frozen clock: no refill
    const rsa = { keySpec: 'RSA_2048' } as const;
    for (let i = 0; i < 500; i++) {
      quotas.onKeyUse(ctx(['Sign', 'Verify', 'Decrypt'][i % 3] ?? 'Sign'), rsa);
    }
    expect(() => quotas.onKeyUse(ctx('Encrypt'), rsa)).toThrow('Rate exceeded');
    expect(() =>
      quotas.onKeyUse(ctx('Encrypt'), { keySpec: 'SYMMETRIC_DEFAULT' } as const),
    ).not.toThrow();
    expect(() => quotas.onKeyUse(ctx('Sign'), { keySpec: 'ECC_NIST_P256' } as const)).not.toThrow();
    // Not a cryptographic operation: no pool.
    expect(() => quotas.onKeyUse(ctx('DescribeKey'), rsa)).not.toThrow();
  });

  it('has the Region tiers of the symmetric pool', () => {
    expect(symmetricQuota('us-east-1')).toBe(50_000);
    expect(symmetricQuota('ap-southeast-2')).toBe(10_000);
    expect(symmetricQuota('sa-east-1')).toBe(5_500);
  });

  it('is lifted by mode off', () => {
    const off = new KmsRequestQuotas('off', () => 0);
    const on = new KmsRequestQuotas('on', () => 0);
    const burst = (q: KmsRequestQuotas) => () => {
      for (let i = 0; i < 10; i++) q.beforeOperation(ctx('CreateKey'), 'CreateKey', {});
    };
    expect(burst(off)).not.toThrow();
    expect(burst(on)).toThrow('Rate exceeded');
  });
});
