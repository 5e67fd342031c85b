import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ebsSharingRefKey,
  type EbsResourceRef,
  type EbsSharing,
} from '../../../../src-shared/models/ebs-sharing';

const BATCH = 50;
/** Scrolling fast asks for nothing until the rows settle. */
const SETTLE_MS = 250;

/**
 * Who the owned rows on screen are shared with: one attribute read per snapshot or AMI, so only
 * the rows a user looks at are asked, each once per page visit (`reload` asks one again).
 */
export function useSharing(read: (resources: EbsResourceRef[]) => Promise<EbsSharing[]>) {
  const [sharing, setSharing] = useState<ReadonlyMap<string, EbsSharing>>(new Map());
  const asked = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const fetchFor = useCallback(
    (refs: readonly EbsResourceRef[]) => {
      const wanted = refs.filter((ref) => !asked.current.has(ebsSharingRefKey(ref)));
      for (const ref of wanted) asked.current.add(ebsSharingRefKey(ref));
      for (let start = 0; start < wanted.length; start += BATCH) {
        const batch = wanted
          .slice(start, start + BATCH)
          .map(({ profileId, region, id }) => ({ profileId, region, id }));
        read(batch).then(
          (answers) =>
            setSharing((old) => {
              const next = new Map(old);
              for (const answer of answers) next.set(ebsSharingRefKey(answer), answer);
              return next;
            }),
          () => batch.forEach((ref) => asked.current.delete(ebsSharingRefKey(ref))),
        );
      }
    },
    [read],
  );

  const onVisible = useCallback(
    (refs: readonly EbsResourceRef[]) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => fetchFor(refs), SETTLE_MS);
    },
    [fetchFor],
  );

  const reload = useCallback(
    (ref: EbsResourceRef) => {
      asked.current.delete(ebsSharingRefKey(ref));
      fetchFor([ref]);
    },
    [fetchFor],
  );

  return { sharing, onVisible, reload };
}
