import { Text } from '@mantine/core';
import { estimatedTotalUsd } from '../../../../src-shared/models/key-cost';
import type { KeyRow } from '../../../../src-shared/models/kms-key';
import { usd } from '../../format/usd';

/**
 * The estimated monthly total of the keys the search and filters leave. Requests are left out:
 * the inventory reads no CloudTrail (a key's page estimates them from its recorded calls).
 */
export function CostSummary({ rows }: { rows: readonly KeyRow[] }) {
  const charged = rows.filter((row) => row.estimatedMonthlyCostUsd > 0).length;
  return (
    <Text size="sm" c="dimmed" data-testid="keys-cost-total">
      Estimated monthly cost of the {rows.length} {rows.length === 1 ? 'key' : 'keys'} shown:{' '}
      <Text span fw={600} c="var(--mantine-color-text)">
        {usd.format(estimatedTotalUsd(rows))}
      </Text>{' '}
      — {charged} customer managed {charged === 1 ? 'key' : 'keys'} at $1 each plus their rotations;
      AWS managed keys and keys pending deletion are free. An estimate: requests are not included (a
      key&apos;s page estimates them from CloudTrail).
    </Text>
  );
}
