import { describe, expect, it } from 'vitest';
import {
  estimatedMonthlyKeyCostUsd,
  estimatedRequestCostUsd,
  estimatedRotationCount,
  estimatedTotalUsd,
  monthlyCostBreakdown,
  type KeyCostFacts,
} from './key-cost';

const NOW = new Date('2026-12-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const daysAhead = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const off = { enabled: false, periodDays: null, nextRotationDate: null };

function key(overrides: Partial<KeyCostFacts> = {}): KeyCostFacts {
  return {
    manager: 'customer',
    state: 'Enabled',
    createdAt: daysAgo(30),
    rotation: off,
    ...overrides,
  };
}

describe('estimated key cost (aws-behaviour.md §2.12)', () => {
  it('charges $1 a month for a customer managed key, nothing for AWS managed or owned keys', () => {
    expect(estimatedMonthlyKeyCostUsd(key(), NOW)).toBe(1);
    expect(estimatedMonthlyKeyCostUsd(key({ manager: 'aws' }), NOW)).toBe(0);
    expect(estimatedMonthlyKeyCostUsd(key({ manager: 'aws-owned' }), NOW)).toBe(0);
  });

  it('charges nothing while the key is pending deletion', () => {
    expect(estimatedMonthlyKeyCostUsd(key({ state: 'PendingDeletion' }), NOW)).toBe(0);
    expect(estimatedMonthlyKeyCostUsd(key({ state: 'PendingReplicaDeletion' }), NOW)).toBe(0);
    expect(estimatedMonthlyKeyCostUsd(key({ state: 'Disabled' }), NOW)).toBe(1);
  });

  it('adds $1 for each of the first two rotations, none after', () => {
    const yearly = (createdDaysAgo: number, nextInDays: number) =>
      key({
        createdAt: daysAgo(createdDaysAgo),
        rotation: { enabled: true, periodDays: 365, nextRotationDate: daysAhead(nextInDays) },
      });
    expect(estimatedMonthlyKeyCostUsd(yearly(100, 265), NOW)).toBe(1);
    expect(estimatedMonthlyKeyCostUsd(yearly(400, 330), NOW)).toBe(2);
    expect(estimatedMonthlyKeyCostUsd(yearly(800, 295), NOW)).toBe(3);
    expect(estimatedMonthlyKeyCostUsd(yearly(2000, 190), NOW)).toBe(3);
    expect(estimatedRotationCount(yearly(2000, 190), NOW)).toBe(5);
  });

  it('uses a known rotation count (on-demand rotations included) over the schedule', () => {
    expect(estimatedMonthlyKeyCostUsd(key({ rotationCount: 1 }), NOW)).toBe(2);
    expect(estimatedMonthlyKeyCostUsd(key({ rotationCount: 7 }), NOW)).toBe(3);
  });

  it('without a next date, counts whole periods since creation', () => {
    const k = key({
      createdAt: daysAgo(200),
      rotation: { enabled: true, periodDays: 90, nextRotationDate: null },
    });
    expect(estimatedRotationCount(k, NOW)).toBe(2);
  });

  it('requests: $0.03 per 10,000 beyond the 20,000 free a month; totals add up', () => {
    expect(estimatedRequestCostUsd(15_000)).toBe(0);
    expect(estimatedRequestCostUsd(1_020_000)).toBeCloseTo(3, 10);
    expect(
      estimatedTotalUsd([{ estimatedMonthlyCostUsd: 1 }, { estimatedMonthlyCostUsd: 3 }]),
    ).toBe(4);
  });

  it('per key: no free tier; asymmetric keys other than RSA 2048 pay $0.15 per 10,000', () => {
    expect(estimatedRequestCostUsd(10_000, { freeTier: false })).toBeCloseTo(0.03, 10);
    expect(
      estimatedRequestCostUsd(10_000, { freeTier: false, keySpec: 'SYMMETRIC_DEFAULT' }),
    ).toBeCloseTo(0.03, 10);
    expect(estimatedRequestCostUsd(10_000, { freeTier: false, keySpec: 'RSA_2048' })).toBeCloseTo(
      0.03,
      10,
    );
    expect(
      estimatedRequestCostUsd(10_000, { freeTier: false, keySpec: 'ECC_NIST_P256' }),
    ).toBeCloseTo(0.15, 10);
    expect(estimatedRequestCostUsd(20_000, { freeTier: false, keySpec: 'HMAC_256' })).toBeCloseTo(
      0.06,
      10,
    );
  });

  it('one key in parts: key, charged rotations, requests from a month of calls', () => {
    const rotating = key({
      createdAt: daysAgo(400),
      rotation: { enabled: true, periodDays: 90, nextRotationDate: null },
    });
    expect(
      monthlyCostBreakdown(rotating, { perMonth: 100_000, keySpec: 'SYMMETRIC_DEFAULT' }, NOW),
    ).toEqual({
      keyUsd: 1,
      rotationsUsd: 2,
      chargedRotations: 2,
      requestsUsd: expect.closeTo(0.3, 10) as number,
      totalUsd: expect.closeTo(3.3, 10) as number,
    });
    expect(monthlyCostBreakdown(rotating, null, NOW)).toMatchObject({
      requestsUsd: null,
      totalUsd: 3,
    });
    const pending = key({ state: 'PendingDeletion' });
    expect(monthlyCostBreakdown(pending, { perMonth: 0, keySpec: null }, NOW).totalUsd).toBe(0);
  });
});
