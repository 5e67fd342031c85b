import type { RequestRate } from '../../../src-shared/quotas/token-bucket';

/** Parses `2`, `0.5` or `off` (CLI `--lookup-rate`); throws with a message. */
export function parseRequestRate(text: string): RequestRate {
  if (text.trim().toLowerCase() === 'off') return 'off';
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new Error(`invalid request rate '${text}' (a positive number or 'off')`);
  }
  return n;
}
