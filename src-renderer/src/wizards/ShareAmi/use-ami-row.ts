import { useEffect, useState } from 'react';
import type { AmiRow } from '../../../../src-shared/models/ami';
import { useOperation } from '../../api/use-operation';
import type { AmiSource } from './share-ami-form';

/**
 * The AMI as the AMIs page lists it — its disks, their snapshots and keys — read fresh for its
 * one profile and Region (the wizard may be opened from a link, before any inventory).
 */
export function useAmiRow(source: AmiSource) {
  const [row, setRow] = useState<AmiRow | undefined>(undefined);
  const { profileId, region, imageId } = source;
  const inventory = useOperation('amis.inventory', {
    onPartial: (partial) => {
      const found = partial.rows.find(
        (r) => r.imageId === imageId && r.profileId === profileId && r.region === region,
      );
      if (found) setRow(found);
    },
  });
  const { start } = inventory;
  useEffect(() => {
    void start({ scope: [{ profileId, region }], mode: 'incremental' });
  }, [profileId, region, start]);
  return { row, state: inventory.state };
}
