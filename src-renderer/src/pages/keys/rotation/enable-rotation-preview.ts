import type { BulkRotationOutcome } from '../../../../../src-shared/models/bulk-rotation';
import { rowId } from '../../../../../src-shared/models/inventory-view';
import {
  enableRotationPlanOf,
  type EnableRotationPlan,
} from '../../../../../src-shared/models/key-rotation-compliance';
import type { KeyRef, KeyRow } from '../../../../../src-shared/models/kms-key';

/** One selected key in the dialog: what the preview says, then what the run did. */
export interface PreviewLine {
  readonly row: KeyRow;
  readonly plan: EnableRotationPlan;
  readonly outcome: BulkRotationOutcome | undefined;
}

/** The keys to enable first, then the skipped ones, each with the run's outcome once known. */
export function previewLines(
  rows: readonly KeyRow[],
  outcomes: ReadonlyMap<string, BulkRotationOutcome>,
): PreviewLine[] {
  const lines = rows.map((row) => ({
    row,
    plan: enableRotationPlanOf(row),
    outcome: outcomes.get(rowId(row)),
  }));
  return [
    ...lines.filter((line) => line.plan.action === 'enable'),
    ...lines.filter((line) => line.plan.action === 'skip'),
  ];
}

export const refOf = ({ profileId, region, keyId }: KeyRef): KeyRef => ({
  profileId,
  region,
  keyId,
});

/** The exact call the run makes for a key (the AWS API, as the call log names it). */
export function enableCallOf(row: KeyRow, periodDays: number): string {
  return `EnableKeyRotation ${JSON.stringify({ KeyId: row.arn, RotationPeriodInDays: periodDays })}`;
}

export function outcomeCounts(outcomes: Iterable<BulkRotationOutcome>) {
  const counts = { enabled: 0, skipped: 0, failed: 0 };
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return counts;
}

export const validPeriod = (days: number) => Number.isInteger(days) && days >= 90 && days <= 2560;
