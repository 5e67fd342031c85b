import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { useApi } from '../../api/api-context';
import { useRegions } from '../../api/queries';
import { useKeyChange } from './use-key-detail';

/** ReplicateKey: a replica of this primary in another Region (it shares the key material). */
export function ReplicateForm({ keyRef, taken }: { keyRef: KeyRef; taken: readonly string[] }) {
  const api = useApi();
  const regions = useRegions().data ?? [];
  const [region, setRegion] = useState<string | null>(null);
  const replicate = useKeyChange(
    keyRef,
    (replicaRegion: string) => api.keys.replicate({ ...keyRef, replicaRegion }),
    (result) => `Replica created in ${result.replica.region}.`,
  );
  const options = regions
    .filter((r) => !taken.includes(r.code))
    .map((r) => ({ value: r.code, label: `${r.code} · ${r.name}` }));
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label="Replicate to Region"
        data={options}
        value={region}
        onChange={setRegion}
        searchable
        w={300}
      />
      <Button
        disabled={!region}
        loading={replicate.isPending}
        onClick={() => region && replicate.mutate(region, { onSuccess: () => setRegion(null) })}
      >
        Replicate
      </Button>
    </Group>
  );
}
