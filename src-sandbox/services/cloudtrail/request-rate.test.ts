import { describe, expect, it } from 'vitest';
import { parseRequestRate } from './request-rate';

describe('parseRequestRate', () => {
  it('parses rates', () => {
    expect(parseRequestRate('off')).toBe('off');
    expect(parseRequestRate('0.5')).toBe(0.5);
    expect(() => parseRequestRate('0')).toThrow(/invalid request rate/);
    expect(() => parseRequestRate('fast')).toThrow(/invalid request rate/);
  });
});
