import { describe, expect, it } from 'vitest';
import { parseRequestRate, TokenBuckets } from './token-bucket';

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
    const b = new TokenBuckets('off');
    for (let i = 0; i < 1000; i++) expect(b.tryTake('a')).toBe(true);
  });

  it('parses rates', () => {
    expect(parseRequestRate('off')).toBe('off');
    expect(parseRequestRate('0.5')).toBe(0.5);
    expect(() => parseRequestRate('0')).toThrow(/invalid request rate/);
    expect(() => parseRequestRate('fast')).toThrow(/invalid request rate/);
  });
});
