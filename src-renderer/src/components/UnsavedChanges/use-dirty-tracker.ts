import { useCallback, useRef, useState } from 'react';

/** Form values are plain data: compare them as JSON with the keys in one order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Whether a form (Mantine's uncontrolled mode, which does not re-render on input) holds values
 * other than the saved ones. Pass `onValuesChange` to the form, call `markSaved` after a save,
 * and hand `dirty` to useUnsavedChangesGuard.
 */
export function useDirtyTracker<Values>(saved: Values) {
  const savedRef = useRef(saved);
  const [dirty, setDirty] = useState(false);
  const onValuesChange = useCallback(
    (values: Values) => setDirty(!same(values, savedRef.current)),
    [],
  );
  const markSaved = useCallback((values: Values) => {
    savedRef.current = values;
    setDirty(false);
  }, []);
  /** The values last saved (read in callbacks, not while rendering). */
  const savedValues = useCallback(() => savedRef.current, []);
  return { dirty, onValuesChange, markSaved, savedValues };
}
