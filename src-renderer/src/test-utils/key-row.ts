import type { KeyRow } from '../../../src-shared/models/kms-key';

/** A key row as the Keys inventory streams it (prod, eu-west-1 unless patched). */
export function keyRow(keyId: string, patch: Partial<KeyRow>): KeyRow {
  return {
    profileId: 'sandbox:prod',
    profileName: 'prod',
    accountId: '111111111111',
    region: 'eu-west-1',
    keyId,
    arn: `arn:aws:kms:${patch.region ?? 'eu-west-1'}:${patch.accountId ?? '111111111111'}:key/${keyId}`,
    aliases: [],
    keySpec: 'SYMMETRIC_DEFAULT',
    type: 'symmetric',
    usage: 'ENCRYPT_DECRYPT',
    state: 'Enabled',
    manager: 'customer',
    origin: 'AWS_KMS',
    rotation: {
      mode: 'automatic',
      enabled: true,
      periodDays: 365,
      nextRotationDate: null,
      onDemandStartedAt: null,
    },
    multiRegion: { role: 'none', primaryRegion: null, replicaRegions: [] },
    createdAt: '2026-01-01T00:00:00.000Z',
    description: '',
    tags: {},
    policy: null,
    deletionDate: null,
    validTo: null,
    estimatedMonthlyCostUsd: 1,
    fetchErrors: [],
    fetchedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}
