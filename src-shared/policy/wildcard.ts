// Glob matching as IAM does it: `*` matches any run of characters (including none) and `?`
// exactly one character. Iterative two-pointer matching: no regular expressions, so a
// hostile policy cannot trigger catastrophic backtracking.

export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (vi < v.length) {
    const pc = p[pi];
    if (pc === '*') {
      starAt = pi;
      resumeAt = vi;
      pi += 1;
    } else if (pc !== undefined && (pc === '?' || pc === v[vi])) {
      pi += 1;
      vi += 1;
    } else if (starAt >= 0) {
      pi = starAt + 1;
      resumeAt += 1;
      vi = resumeAt;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi += 1;
  return pi === p.length;
}
