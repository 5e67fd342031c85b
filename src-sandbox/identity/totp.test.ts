import { describe, expect, it } from 'vitest';
import { base32Decode, totp, verifyTotp } from './totp';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below), 8 digits.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('decodes base32', () => {
    expect(base32Decode(secret).toString('ascii')).toBe('12345678901234567890');
  });

  it('matches the RFC test vectors', () => {
    expect(totp(secret, new Date(59_000), 30, 8)).toBe('94287082');
    expect(totp(secret, new Date(1_111_111_109_000), 30, 8)).toBe('07081804');
    expect(totp(secret, new Date(20_000_000_000_000), 30, 8)).toBe('65353130');
  });

  it('accepts one step of drift and no more', () => {
    const now = new Date(1_700_000_000_000);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() - 90_000)), now)).toBe(false);
  });
});
