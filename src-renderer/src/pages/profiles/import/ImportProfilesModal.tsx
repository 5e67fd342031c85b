import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportResult } from '../../../../../src-shared/models/profile-import';
import { useApi } from '../../../api/api-context';
import { queryKeys } from '../../../api/queries';
import { ModalFrame } from '../../../components/ModalFrame/ModalFrame';
import { ImportChooseStep } from './ImportChooseStep';
import { ImportResultsStep } from './ImportResultsStep';

/** Import from ~/.aws: choose profiles, import them, then (only if asked) tidy the plaintext file. */
export function ImportProfilesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ImportResult | null>(null);
  const scan = useQuery({
    queryKey: ['profiles.importScan'],
    queryFn: () => api.profiles.importScan(),
    enabled: opened,
    staleTime: 0,
    gcTime: 0,
  });
  const close = () => {
    setResult(null);
    void queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
    onClose();
  };
  return (
    <ModalFrame
      opened={opened}
      onClose={close}
      title="Import from AWS config"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {result && scan.data ? (
        <ImportResultsStep scan={scan.data} result={result} onDone={close} />
      ) : (
        <ImportChooseStep
          scan={scan}
          onImported={async (imported) => {
            setResult(imported);
            await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
            await queryClient.invalidateQueries({ queryKey: queryKeys.settings });
          }}
          onCancel={close}
        />
      )}
    </ModalFrame>
  );
}
