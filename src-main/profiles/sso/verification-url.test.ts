import { describe, expect, it } from 'vitest';
import { isVerificationUrl } from './verification-url';

describe('isVerificationUrl', () => {
  it.each([
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://my-org.awsapps.com/start/#/device?user_code=ABCD-EFGH',
    'http://127.0.0.1:4566/sso/device?user_code=ABCD-EFGH',
  ])('opens %s', (url) => expect(isVerificationUrl(url)).toBe(true));

  it.each([
    'http://device.sso.us-east-1.amazonaws.com/',
    'https://amazonaws.com.evil.example/',
    'https://user:pw@device.sso.us-east-1.amazonaws.com/',
    'http://127.0.0.1:4566/__sandbox/faults',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isVerificationUrl(url)).toBe(false));
});
