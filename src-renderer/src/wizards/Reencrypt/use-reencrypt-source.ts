import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { isVolume, type ReencryptSource } from './reencrypt-form';

/** What the Key step shows of the source: its key, and for a volume its zone and attachments. */
export interface SourceFacts {
  readonly found: boolean;
  /** null: not encrypted (or not known). */
  readonly keyArn: string | null;
  readonly availabilityZone: string | null;
  readonly attachedTo: readonly string[];
  readonly state: string | null;
  readonly sizeGiB: number | null;
  readonly volumeType: string | null;
}

/**
 * A volume is read fresh (volumes.list); a snapshot from what the Snapshots page last read in
 * main (snapshots.list, no AWS call). The plan reads both again from AWS.
 */
export function useReencryptSource(source: ReencryptSource) {
  const api = useApi();
  const { profileId, region } = source;
  return useQuery({
    queryKey: ['reencrypt.source', source],
    queryFn: async (): Promise<SourceFacts> => {
      if (isVolume(source)) {
        const volume = (await api.volumes.list({ profileId, region })).find(
          (v) => v.volumeId === source.volumeId,
        );
        return {
          found: volume !== undefined,
          keyArn: volume?.kmsKeyId ?? null,
          availabilityZone: volume?.availabilityZone ?? null,
          attachedTo: volume?.attachedTo ?? [],
          state: volume?.state ?? null,
          sizeGiB: volume?.sizeGiB ?? null,
          volumeType: volume?.volumeType ?? null,
        };
      }
      const { rows } = await api.snapshots.list({ scope: [{ profileId, region }] });
      const row = rows.find((r) => r.snapshotId === source.snapshotId);
      return {
        found: row !== undefined,
        keyArn: row?.encryption.key?.keyArn ?? null,
        availabilityZone: null,
        attachedTo: [],
        state: row?.state ?? null,
        sizeGiB: row?.sizeGiB ?? null,
        volumeType: null,
      };
    },
  });
}
