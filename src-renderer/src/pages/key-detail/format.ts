/** "2026-12-03 04:17 UTC": the minute is enough for key dates, and the zone is said. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The first alias, else the key id: how a person names the key. */
export const displayName = (aliases: readonly string[], keyId: string): string =>
  aliases[0] ?? keyId;

/** Days from now to `iso` (rounded up), or null. */
export function daysUntil(iso: string | null, now = Date.now()): number | null {
  if (!iso) return null;
  return Math.ceil((new Date(iso).getTime() - now) / 86_400_000);
}
