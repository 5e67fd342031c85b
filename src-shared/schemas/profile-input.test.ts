import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../errors';
import { addAccessKeyProfileInput } from './profile-input';

const good = {
  name: 'prod admin',
  target: 'aws',
  defaultRegion: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('access-key profile input', () => {
  it('accepts a complete profile and defaults saveUnverified to false', () => {
    expect(addAccessKeyProfileInput.parse(good).saveUnverified).toBe(false);
    expect(
      addAccessKeyProfileInput.parse({ ...good, mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' })
        .mfaSerial,
    ).toBeDefined();
  });

  it.each([
    [{ name: '' }, 'name', 'Give the profile a name'],
    [{ name: 'a'.repeat(65) }, 'name', 'At most 64 characters'],
    [{ name: 'bad/name' }, 'name', 'Use letters'],
    [{ target: 'mars' }, 'target', ''],
    [{ defaultRegion: 'moon-1' }, 'defaultRegion', 'Not a region code'],
    [{ accessKeyId: 'AKIA123' }, 'accessKeyId', 'starting with AKIA'],
    [{ accessKeyId: 'akiaiosfodnn7example' }, 'accessKeyId', 'starting with AKIA'],
    [{ secretAccessKey: 'short' }, 'secretAccessKey', '40 characters'],
    [{ mfaSerial: 'arn:aws:iam::1:mfa/x' }, 'mfaSerial', 'MFA device'],
    [{ sessionToken: 'x' }, '_', ''],
  ])('rejects %o on %s', (patch, field, message) => {
    const parsed = addAccessKeyProfileInput.safeParse({ ...good, ...patch });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrorsFromIssues(parsed.error.issues);
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field]).toContain(message);
  });
});
