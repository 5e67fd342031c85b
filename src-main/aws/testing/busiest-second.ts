/** The most of `times` (ms) that fall in any closed window of one second. */
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) > 1000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
