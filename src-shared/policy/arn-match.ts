// ARN matching for Resource/NotResource and the Arn* condition operators: the six
// `arn:partition:service:region:account:resource` segments are compared one by one with `*`/`?`
// wildcards (case-sensitive); the resource segment may itself contain colons and slashes.
import { matchesWildcard } from './wildcard';

function splitArn(text: string): readonly string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i += 1) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return undefined;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

export function matchesArn(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const want = splitArn(pattern);
  const have = splitArn(arn);
  if (want === undefined || have === undefined) return matchesWildcard(pattern, arn);
  return want.every((segment, i) => matchesWildcard(segment, have[i] ?? ''));
}
