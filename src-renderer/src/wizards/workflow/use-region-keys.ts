import { useEffect, useState } from 'react';
import type { KeyRow } from '../../../../src-shared/models/kms-key';
import { useOperation } from '../../api/use-operation';

/**
 * The keys one profile has in one Region, read fresh (an incremental inventory of that cell only):
 * keys are regional, so the list changes with the destination Region.
 */
export function useRegionKeys(profileId: string, region: string) {
  const [rows, setRows] = useState<KeyRow[]>([]);
  const inventory = useOperation('keys.inventory', {
    onPartial: (partial) =>
      setRows((current) => {
        const ids = new Set(partial.rows.map((r) => r.arn));
        return [...current.filter((r) => !ids.has(r.arn)), ...partial.rows];
      }),
  });
  const { start } = inventory;
  useEffect(() => {
    if (!region) return;
    void start({ scope: [{ profileId, region }], mode: 'incremental', keys: null });
  }, [profileId, region, start]);
  const here = rows.filter((r) => r.profileId === profileId && r.region === region);
  return { rows: here, state: inventory.state };
}
