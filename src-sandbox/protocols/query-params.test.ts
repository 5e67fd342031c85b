import { afterEach, describe, expect, it } from 'vitest';
import { decodeQueryParams } from './query-params';

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)['polluted'];
});

describe('decodeQueryParams', () => {
  it('builds lists and structures from dotted names', () => {
    const form = new URLSearchParams('Action=X&Filter.1.Name=encrypted&Filter.1.Value.1=true');
    expect(decodeQueryParams(form, 'ec2Query')).toEqual({
      Filter: [{ Name: 'encrypted', Value: ['true'] }],
    });
  });

  it('keeps __proto__ and constructor as plain parameter names, never touching Object.prototype', () => {
    const form = new URLSearchParams(
      '__proto__.polluted=yes&constructor.prototype.polluted=yes&VolumeId.1=vol-1',
    );
    const params = decodeQueryParams(form, 'ec2Query');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.keys(params).sort()).toEqual(['VolumeId', '__proto__', 'constructor']);
    expect((params as { VolumeId: unknown }).VolumeId).toEqual(['vol-1']);
  });
});
