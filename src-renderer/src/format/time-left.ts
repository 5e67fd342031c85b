/** "1 h 5 min left": how long temporary credentials still work. */
export function timeLeft(expiresAt: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((Date.parse(expiresAt) - now) / 60_000));
  return minutes >= 60
    ? `${Math.floor(minutes / 60)} h ${minutes % 60} min left`
    : `${minutes} min left`;
}
