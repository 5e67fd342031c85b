import type { KeyRow } from './kms-key';

/**
 * Where a key stands on rotation (issue 12 §7, reference §2.8):
 * - `on`: AWS rotates it on a period;
 * - `off`: AWS could rotate it automatically but it is not asked to — not compliant;
 * - `by-hand`: AWS cannot rotate it automatically (asymmetric, HMAC, imported material, custom
 *   key store): only a new key and a re-pointed alias rotate it;
 * - `aws-managed`: AWS rotates it every year, nothing to do;
 * - `follows-primary`: a multi-Region replica, rotated with its primary;
 * - `unknown`: GetKeyRotationStatus could not be read.
 */
export const rotationStatuses = [
  'on',
  'off',
  'by-hand',
  'aws-managed',
  'follows-primary',
  'unknown',
] as const;
export type RotationStatusKind = (typeof rotationStatuses)[number];

/** What the classification reads of an inventory row. */
export type RotationFacts = Pick<KeyRow, 'manager' | 'state' | 'origin' | 'type' | 'keySpec'> & {
  readonly rotation: Pick<
    KeyRow['rotation'],
    'mode' | 'enabled' | 'periodDays' | 'nextRotationDate'
  >;
  readonly multiRegion: Pick<KeyRow['multiRegion'], 'primaryRegion'>;
};

export interface RotationCompliance {
  readonly status: RotationStatusKind;
  /** Why it is `by-hand`, `follows-primary` or `unknown`; what AWS does for `aws-managed`. */
  readonly reason: string | null;
  readonly periodDays: number | null;
  readonly nextRotationDate: string | null;
  /** Rotation is on and its next date has passed. */
  readonly overdue: boolean;
  /** The key's state blocks any rotation change now (disabled, pending deletion…), else null. */
  readonly stateNote: string | null;
}

const stateNotes: Partial<Record<KeyRow['state'], string>> = {
  Disabled: 'Disabled: AWS changes rotation only on an enabled key. Enable it first.',
  PendingDeletion: 'Pending deletion: cancel the deletion and enable the key first.',
  PendingReplicaDeletion: 'Pending deletion: cancel the deletion and enable the key first.',
  PendingImport: 'Pending import: the key has no key material yet. Import it first.',
  Creating: 'Still being created: try again in a moment.',
  Updating: 'Being updated: try again in a moment.',
  Unavailable: 'Unavailable: its custom key store is disconnected.',
};

/** Why AWS cannot rotate this customer managed key automatically, or null when it can. */
export function byHandReason(key: RotationFacts): string | null {
  if (key.rotation.mode !== 'manual-only' && key.rotation.mode !== 'on-demand-only') return null;
  if (key.type === 'hmac') return `HMAC key (${key.keySpec}): AWS cannot rotate it automatically.`;
  if (key.type !== 'symmetric') {
    return `Asymmetric key (${key.keySpec}): AWS cannot rotate it automatically.`;
  }
  if (key.origin === 'EXTERNAL') {
    return 'Imported key material: AWS cannot rotate it automatically.';
  }
  return 'In a custom key store: AWS cannot rotate it automatically.';
}

function statusOf(key: RotationFacts): { status: RotationStatusKind; reason: string | null } {
  const { mode, enabled } = key.rotation;
  if (mode === 'aws-managed') {
    return { status: 'aws-managed', reason: 'AWS managed: AWS rotates it every year.' };
  }
  if (mode === 'replica') {
    const primary = key.multiRegion.primaryRegion ?? 'its primary Region';
    return {
      status: 'follows-primary',
      reason: `Multi-Region replica: it rotates with its primary key in ${primary}.`,
    };
  }
  const byHand = byHandReason(key);
  if (byHand !== null) return { status: 'by-hand', reason: byHand };
  if (enabled === null) {
    return {
      status: 'unknown',
      reason: 'The rotation status could not be read (GetKeyRotationStatus failed).',
    };
  }
  return { status: enabled ? 'on' : 'off', reason: null };
}

export function rotationComplianceOf(key: RotationFacts, now: Date): RotationCompliance {
  const { status, reason } = statusOf(key);
  const on = status === 'on' || status === 'aws-managed';
  const next = status === 'on' ? key.rotation.nextRotationDate : null;
  return {
    status,
    reason,
    periodDays: on ? (key.rotation.periodDays ?? 365) : null,
    nextRotationDate: next,
    overdue: next !== null && Date.parse(next) < now.getTime(),
    stateNote: key.manager === 'customer' ? (stateNotes[key.state] ?? null) : null,
  };
}

/** What "Enable rotation…" will do with a key: enable it, or leave it and say why. */
export type EnableRotationPlan =
  | { readonly action: 'enable' }
  | {
      readonly action: 'skip';
      readonly skip: 'already-on' | 'aws-managed' | 'by-hand' | 'follows-primary' | 'state';
      readonly reason: string;
    };

export function enableRotationPlanOf(key: RotationFacts): EnableRotationPlan {
  const { status, reason, periodDays, stateNote } = rotationComplianceOf(key, new Date(0));
  if (status === 'aws-managed' || status === 'by-hand' || status === 'follows-primary') {
    return { action: 'skip', skip: status, reason: reason ?? '' };
  }
  if (stateNote !== null) return { action: 'skip', skip: 'state', reason: stateNote };
  if (status === 'on') {
    return {
      action: 'skip',
      skip: 'already-on',
      reason: `Already on, every ${periodDays ?? 365} days.`,
    };
  }
  return { action: 'enable' };
}

export type RotationCounts = Readonly<Record<RotationStatusKind, number>>;

export function rotationCounts(compliance: readonly RotationCompliance[]): RotationCounts {
  const counts = Object.fromEntries(rotationStatuses.map((status) => [status, 0])) as Record<
    RotationStatusKind,
    number
  >;
  for (const { status } of compliance) counts[status] += 1;
  return counts;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "12 keys rotate automatically · 5 could but don't · 3 can only be rotated by hand · …" */
export function rotationSummary(counts: RotationCounts): string {
  const parts = [
    plural(counts.on, 'key rotates automatically', 'keys rotate automatically'),
    `${counts.off} could but ${counts.off === 1 ? 'doesn’t' : 'don’t'}`,
    `${counts['by-hand']} can only be rotated by hand`,
  ];
  if (counts['aws-managed'] > 0) parts.push(`${counts['aws-managed']} rotated yearly by AWS`);
  if (counts['follows-primary'] > 0) {
    parts.push(
      plural(
        counts['follows-primary'],
        'replica follows its primary',
        'replicas follow their primary',
      ),
    );
  }
  if (counts.unknown > 0) parts.push(`${counts.unknown} unknown`);
  return parts.join(' · ');
}
