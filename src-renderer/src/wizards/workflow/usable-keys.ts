import type { KeyRow } from '../../../../src-shared/models/kms-key';

const isEbsDefault = (row: KeyRow) => row.aliases.includes('alias/aws/ebs');

/**
 * Keys CopySnapshot can encrypt with: symmetric encryption keys, customer managed first; of the
 * AWS managed keys only aws/ebs (same account). Disabled ones stay: preflight offers to enable them.
 */
export function usableKeys(rows: readonly KeyRow[]): KeyRow[] {
  const usable = rows.filter(
    (row) =>
      row.usage === 'ENCRYPT_DECRYPT' &&
      row.keySpec === 'SYMMETRIC_DEFAULT' &&
      (row.state === 'Enabled' || row.state === 'Disabled') &&
      (row.manager === 'customer' || isEbsDefault(row)),
  );
  const rank = (row: KeyRow) => (row.manager === 'customer' ? 0 : 1);
  return usable.sort((a, b) => rank(a) - rank(b) || keyLabel(a).localeCompare(keyLabel(b)));
}

export function keyLabel(row: KeyRow): string {
  const name = row.aliases[0] ?? row.keyId;
  const disabled = row.state === 'Disabled' ? ' — disabled' : '';
  return `${name}${row.manager === 'customer' ? '' : ' (AWS managed)'}${disabled}`;
}
