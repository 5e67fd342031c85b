import { useCallback, useState } from 'react';
import type { KeyRef, KeyRow } from '../../../../src-shared/models/kms-key';

/** Selected keys for "Enable rotation…", and how to clear their table's selection. */
export function useBulkRotation(refreshKeys: (keys: readonly KeyRef[]) => Promise<void>) {
  const [selection, setSelection] = useState<{ rows: readonly KeyRow[]; clear: () => void }>();
  const [opened, setOpened] = useState(false);
  const open = useCallback((rows: readonly KeyRow[], clear: () => void) => {
    setSelection({ rows, clear });
    setOpened(true);
  }, []);
  const onChanged = useCallback(
    (keys: readonly KeyRef[]) => {
      selection?.clear();
      void refreshKeys(keys);
    },
    [selection, refreshKeys],
  );
  return { rows: selection?.rows ?? [], opened, open, close: () => setOpened(false), onChanged };
}
