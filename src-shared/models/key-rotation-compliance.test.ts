import { describe, expect, it } from 'vitest';
import {
  enableRotationPlanOf,
  rotationComplianceOf,
  rotationCounts,
  rotationSummary,
  type RotationFacts,
} from './key-rotation-compliance';

const NOW = new Date('2026-12-01T00:00:00Z');

function key(
  overrides: Partial<RotationFacts> = {},
  rotation: Partial<RotationFacts['rotation']> = {},
): RotationFacts {
  return {
    manager: 'customer',
    state: 'Enabled',
    origin: 'AWS_KMS',
    type: 'symmetric',
    keySpec: 'SYMMETRIC_DEFAULT',
    multiRegion: { primaryRegion: null },
    ...overrides,
    rotation: {
      mode: 'automatic',
      enabled: false,
      periodDays: null,
      nextRotationDate: null,
      ...rotation,
    },
  };
}

describe('rotation compliance of a key', () => {
  it('reads a rotating key’s period and next date, and says when that date has passed', () => {
    const on = rotationComplianceOf(
      key({}, { enabled: true, periodDays: 180, nextRotationDate: '2027-03-01T00:00:00.000Z' }),
      NOW,
    );
    expect(on).toMatchObject({
      status: 'on',
      periodDays: 180,
      nextRotationDate: '2027-03-01T00:00:00.000Z',
      overdue: false,
    });
    const late = rotationComplianceOf(
      key({}, { enabled: true, periodDays: 365, nextRotationDate: '2026-11-30T00:00:00.000Z' }),
      NOW,
    );
    expect(late.overdue).toBe(true);
  });

  it('calls a symmetric KMS key with rotation off not compliant, with no date', () => {
    expect(rotationComplianceOf(key(), NOW)).toMatchObject({
      status: 'off',
      periodDays: null,
      nextRotationDate: null,
      overdue: false,
      stateNote: null,
    });
  });

  it('names why a key can only be rotated by hand', () => {
    const reasonOf = (facts: RotationFacts) => rotationComplianceOf(facts, NOW);
    expect(
      reasonOf(key({ type: 'rsa', keySpec: 'RSA_3072' }, { mode: 'manual-only' })),
    ).toMatchObject({
      status: 'by-hand',
      reason: expect.stringContaining('Asymmetric key (RSA_3072)'),
    });
    expect(
      reasonOf(key({ type: 'hmac', keySpec: 'HMAC_256' }, { mode: 'manual-only' })).reason,
    ).toContain('HMAC key (HMAC_256)');
    expect(reasonOf(key({ origin: 'EXTERNAL' }, { mode: 'on-demand-only' })).reason).toContain(
      'Imported key material',
    );
    expect(reasonOf(key({ origin: 'AWS_CLOUDHSM' }, { mode: 'manual-only' })).reason).toContain(
      'custom key store',
    );
  });

  it('leaves AWS managed keys to AWS and replicas to their primary', () => {
    expect(
      rotationComplianceOf(
        key({ manager: 'aws' }, { mode: 'aws-managed', enabled: true, periodDays: 365 }),
        NOW,
      ),
    ).toMatchObject({ status: 'aws-managed', periodDays: 365, stateNote: null });
    expect(
      rotationComplianceOf(
        key({ multiRegion: { primaryRegion: 'us-east-1' } }, { mode: 'replica', enabled: true }),
        NOW,
      ),
    ).toMatchObject({ status: 'follows-primary', reason: expect.stringContaining('us-east-1') });
  });

  it('notes a disabled or pending-deletion key, and an unreadable status', () => {
    expect(rotationComplianceOf(key({ state: 'Disabled' }), NOW)).toMatchObject({
      status: 'off',
      stateNote: expect.stringContaining('Enable it first'),
    });
    expect(rotationComplianceOf(key({ state: 'PendingDeletion' }), NOW).stateNote).toContain(
      'cancel the deletion',
    );
    expect(rotationComplianceOf(key({}, { enabled: null }), NOW).status).toBe('unknown');
  });
});

describe('what "Enable rotation…" does with each key', () => {
  it('enables only enabled keys AWS can rotate that do not rotate yet', () => {
    expect(enableRotationPlanOf(key())).toEqual({ action: 'enable' });
    expect(enableRotationPlanOf(key({}, { enabled: null }))).toEqual({ action: 'enable' });
    expect(enableRotationPlanOf(key({}, { enabled: true, periodDays: 90 }))).toEqual({
      action: 'skip',
      skip: 'already-on',
      reason: 'Already on, every 90 days.',
    });
  });

  it('skips with the reason: AWS managed, by hand, replica, disabled, pending deletion', () => {
    const skips = [
      key({ manager: 'aws' }, { mode: 'aws-managed', enabled: true }),
      key({ type: 'ecc', keySpec: 'ECC_NIST_P256' }, { mode: 'manual-only' }),
      key({ origin: 'EXTERNAL' }, { mode: 'on-demand-only' }),
      key({}, { mode: 'replica', enabled: true }),
      key({ state: 'Disabled' }),
      key({ state: 'PendingDeletion' }),
    ].map((facts) => enableRotationPlanOf(facts));
    expect(skips.map((plan) => (plan.action === 'skip' ? plan.skip : plan.action))).toEqual([
      'aws-managed',
      'by-hand',
      'by-hand',
      'follows-primary',
      'state',
      'state',
    ]);
    // A by-hand key that is also disabled is skipped for what it is, not for its state.
    expect(
      enableRotationPlanOf(
        key({ state: 'Disabled', type: 'rsa', keySpec: 'RSA_2048' }, { mode: 'manual-only' }),
      ),
    ).toMatchObject({ skip: 'by-hand' });
  });
});

describe('the summary line', () => {
  it('counts each status and says it in words', () => {
    const counts = rotationCounts(
      [
        key({}, { enabled: true }),
        key({}, { enabled: true }),
        key(),
        key({ type: 'hmac', keySpec: 'HMAC_256' }, { mode: 'manual-only' }),
        key({ manager: 'aws' }, { mode: 'aws-managed', enabled: true }),
      ].map((facts) => rotationComplianceOf(facts, NOW)),
    );
    expect(counts).toMatchObject({ on: 2, off: 1, 'by-hand': 1, 'aws-managed': 1, unknown: 0 });
    expect(rotationSummary(counts)).toBe(
      '2 keys rotate automatically · 1 could but doesn’t · 1 can only be rotated by hand · 1 rotated yearly by AWS',
    );
  });
});
