import type { KeyRow } from '../../../src-shared/models/kms-key';

/** A Keys-inventory row as main streams it: an enabled symmetric customer managed key. */
export function keyRow(keyId: string, patch: Partial<KeyRow> = {}): KeyRow {
  const region = patch.region ?? 'eu-west-1';
  const accountId = patch.accountId ?? '111111111111';
  return {
    profileId: 'sandbox:prod',
    profileName: 'prod',
    accountId,
    region,
    keyId,
    arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
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

/** The progress event of `keys.inventory` that brings one cell's rows (what useRegionKeys reads). */
export function keysCellEvent(rows: readonly KeyRow[]) {
  const first = rows[0];
  return {
    type: 'progress',
    step: 0,
    stepCount: 1,
    title: first?.region ?? '',
    partial: {
      cell: {
        profileId: first?.profileId ?? '',
        region: first?.region ?? '',
        profileName: first?.profileName ?? '',
        status: 'done',
        keysListed: rows.length,
        keysLoaded: rows.length,
        error: null,
        loadedAt: null,
      },
      rows,
      keyIds: rows.map((r) => r.keyId),
    },
  };
}

export const keysDoneEvent = (rowCount: number) => ({
  type: 'done',
  result: { cells: [], rowCount, durationMs: 1, calls: rowCount },
});
