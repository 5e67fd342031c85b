import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyLastUsage, KeyRow } from '../../../../src-shared/models/kms-key';
import { useApi } from '../../api/api-context';
import { rowId } from '../../../../src-shared/models/inventory-view';

const BATCH = 50;
/** Scrolling fast asks for nothing until the rows settle. */
const SETTLE_MS = 250;

/**
 * "Last used" for the rows on screen only: GetKeyLastUsage is paced at 5 a second per account and
 * Region, so 10,000 keys are never asked at once. Each key is asked once per page visit.
 */
export function useLastUsage() {
  const api = useApi();
  const [usage, setUsage] = useState<ReadonlyMap<string, KeyLastUsage>>(new Map());
  const asked = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const fetchFor = useCallback(
    (rows: readonly KeyRow[]) => {
      const wanted = rows.filter((row) => !asked.current.has(rowId(row)));
      for (const row of wanted) asked.current.add(rowId(row));
      for (let start = 0; start < wanted.length; start += BATCH) {
        const keys = wanted
          .slice(start, start + BATCH)
          .map(({ profileId, region, keyId }) => ({ profileId, region, keyId }));
        api.keys.lastUsage({ keys }).then(
          (answers) =>
            setUsage((old) => {
              const next = new Map(old);
              for (const answer of answers) next.set(rowId(answer), answer);
              return next;
            }),
          // Asked again on a later visit; the cell keeps "…" meanwhile.
          () => keys.forEach((key) => asked.current.delete(rowId(key))),
        );
      }
    },
    [api],
  );

  const onVisibleRowsChange = useCallback(
    (rows: readonly KeyRow[]) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => fetchFor(rows), SETTLE_MS);
    },
    [fetchFor],
  );

  return { usage, onVisibleRowsChange };
}
