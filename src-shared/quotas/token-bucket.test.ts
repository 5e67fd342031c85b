import { describe, expect, it } from 'vitest';
import { TokenBucket, TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst of `rate`, then refills at `rate` per second, per key', () => {
    let now = 0;
    const b = new TokenBuckets(2, undefined, () => now);
    expect([b.tryTake('a'), b.tryTake('a'), b.tryTake('a')]).toEqual([true, true, false]);
    expect(b.tryTake('b')).toBe(true);
    now = 499;
    expect(b.tryTake('a')).toBe(false);
    now = 1000;
    expect(b.tryTake('a')).toBe(true);
    now = 10_000;
    expect([b.tryTake('a'), b.tryTake('a'), b.tryTake('a')]).toEqual([true, true, false]);
  });

  it('never limits when off', () => {
    const b = new TokenBuckets('off', undefined, () => 0);
    for (let i = 0; i < 1000; i++) expect(b.tryTake('a')).toBe(true);
  });
});

describe('TokenBucket', () => {
  it('says how long until the next token', () => {
    let now = 0;
    const b = new TokenBucket(4, 1, () => now);
    expect(b.msUntilToken()).toBe(0);
    expect(b.tryTake()).toBe(true);
    expect(b.msUntilToken()).toBe(250);
    now = 100;
    expect(b.msUntilToken()).toBeCloseTo(150);
    now = 250;
    expect(b.tryTake()).toBe(true);
  });
});
