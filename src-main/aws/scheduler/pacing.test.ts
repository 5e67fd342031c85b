import { describe, expect, it } from 'vitest';
import { cryptoPoolQuota } from '../../../src-shared/quotas/kms';
import { ec2RequestQuota } from '../../../src-shared/quotas/ec2';
import { perSecondQuota, type RequestQuota } from '../../../src-shared/quotas/request-quota';
import { TokenBucket } from '../../../src-shared/quotas/token-bucket';
import { busiestSecond } from '../testing/busiest-second';
import { pacingFor, type Pacing } from './pacing';

/** Let go as fast as the pacing allows, starting with a full bucket, for `seconds`. */
function releases(pacing: Pacing, seconds: number): number[] {
  let now = 0;
  const bucket = new TokenBucket(pacing.rate, pacing.burst, () => now);
  const times: number[] = [];
  while (now <= seconds * 1000) {
    if (bucket.tryTake()) times.push(now);
    else now += Math.max(0.001, bucket.msUntilToken());
  }
  return times;
}

/** The service's bucket, continuous (the sandbox) or topped up once a second (EC2's words). */
function rejections(quota: RequestQuota, arrivals: readonly number[]): number {
  let now = 0;
  const continuous = new TokenBucket(quota.rate, quota.burst, () => now);
  let stepped = quota.burst;
  let rejected = 0;
  for (const at of [...arrivals].sort((a, b) => a - b)) {
    if (quota.refill === 'per-second') {
      stepped = Math.min(
        quota.burst,
        stepped + (Math.floor(at / 1000) - Math.floor(now / 1000)) * quota.rate,
      );
      now = at;
      if (stepped >= 1) stepped -= 1;
      else rejected += 1;
    } else {
      now = at;
      if (!continuous.tryTake()) rejected += 1;
    }
  }
  return rejected;
}

const quotas: RequestQuota[] = [
  perSecondQuota('kms:DescribeKey', 2000),
  perSecondQuota('kms:TagResource', 10),
  perSecondQuota('kms:CreateKey', 5),
  perSecondQuota('cloudtrail:LookupEvents', 2),
  perSecondQuota('kms:GenerateDataKeyPair:RSA_2048', 1),
  perSecondQuota('kms:GenerateDataKeyPair:RSA_3072', 0.5),
  perSecondQuota('kms:GetParametersForImport', 0.25),
  perSecondQuota('kms:GenerateDataKeyPair:RSA_4096', 0.1),
  cryptoPoolQuota('ecc', 'us-east-1'),
  ec2RequestQuota('DescribeSnapshots', { filtered: true, paginated: false }),
  ec2RequestQuota('CopySnapshot', { filtered: false, paginated: false }),
  ec2RequestQuota('CopyImage', { filtered: false, paginated: false }),
  ec2RequestQuota('CreateVpcEndpoint', { filtered: false, paginated: false }),
];

describe('pacing', () => {
  it('paces KMS at 90 % of the quota with a burst of a tenth, and slower where a call a second is all there is', () => {
    expect(pacingFor(perSecondQuota('kms:DescribeKey', 2000))).toEqual({ rate: 1800, burst: 200 });
    expect(pacingFor(perSecondQuota('kms:CreateKey', 5))).toEqual({ rate: 4.5, burst: 1 });
    const once = pacingFor(perSecondQuota('kms:GetParametersForImport', 0.25));
    expect(once.burst).toBe(1);
    expect(1 / once.rate).toBeCloseTo(4.5, 2); // the 4 s AWS asks for, plus the delivery spread
  });

  it.each(quotas.map((q) => [q.key, q] as const))(
    '%s: never trips the service’s bucket when calls arrive up to 0.5 s apart, nor exceeds the quota in any second',
    (_key, quota) => {
      const pacing = pacingFor(quota);
      const seconds = Math.min(60, 20 / quota.rate + 5);
      const times = releases(pacing, seconds);
      expect(busiestSecond(times)).toBeLessThanOrEqual(Math.max(1, Math.floor(quota.burst)));
      // Worst cases of delivery: the earliest calls as late as possible, then each alternately.
      for (const delay of [
        (i: number) => (i < pacing.burst ? 500 : 0),
        (i: number) => (i % 2 === 0 ? 500 : 0),
        (i: number) => (i * 7919) % 501,
      ]) {
        expect(
          rejections(
            quota,
            times.map((t, i) => t + delay(i)),
          ),
        ).toBe(0);
      }
    },
  );

  it('is needed: going at the published rate and burst trips the service once the first calls arrive late', () => {
    const quota = perSecondQuota('kms:CreateKey', 5);
    const times = releases({ rate: 5, burst: 5 }, 10);
    expect(
      rejections(
        quota,
        times.map((t, i) => t + (i < 5 ? 500 : 0)),
      ),
    ).toBeGreaterThan(0);
  });
});
