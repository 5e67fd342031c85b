import { describe, expect, it } from 'vitest';
import { matchesWildcard } from './wildcard';

describe('matchesWildcard', () => {
  it('matches literal text exactly and case-sensitively by default', () => {
    expect(matchesWildcard('kms:Encrypt', 'kms:Encrypt')).toBe(true);
    expect(matchesWildcard('kms:Encrypt', 'kms:encrypt')).toBe(false);
    expect(matchesWildcard('kms:Encrypt', 'kms:encrypt', true)).toBe(true);
  });

  it('treats * as any run and ? as exactly one character', () => {
    expect(matchesWildcard('kms:Re*', 'kms:ReEncryptFrom')).toBe(true);
    expect(matchesWildcard('kms:*Key', 'kms:DescribeKey')).toBe(true);
    expect(matchesWildcard('vol-????', 'vol-1234')).toBe(true);
    expect(matchesWildcard('vol-????', 'vol-123')).toBe(false);
    expect(matchesWildcard('a*b*c', 'axxbyyc')).toBe(true);
    expect(matchesWildcard('a*b*c', 'axxbyy')).toBe(false);
    expect(matchesWildcard('*', '')).toBe(true);
  });

  it('stays fast on patterns that would backtrack badly as regular expressions', () => {
    const value = 'a'.repeat(5000);
    expect(matchesWildcard('*a*a*a*a*a*a*a*b', value)).toBe(false);
  });
});
