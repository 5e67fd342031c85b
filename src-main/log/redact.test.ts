import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

  it.each([
    ['an access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'AKIAIOSFODNN7EXAMPLE'],
    ['a temporary access key id', 'ASIAZXCVBNMASDFGHJKL', 'ASIAZXCVBNMASDFGHJKL'],
    ['a secret access key', `secret ${secret} end`, secret],
    [
      'a session token',
      'token IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH',
      'IQoJb3JpZ2luX2VjEJr',
    ],
    [
      'a JWT',
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGciOiJIUzI1NiJ9',
    ],
    [
      'an Identity Center access token',
      'polled aoaAAAAAGdGVzdHRva2VuLXNhbmRib3gtYWNjZXNzLXRva2Vu ok',
      'aoaAAAAAGdGVzdHRva2Vu',
    ],
    [
      'an Identity Center refresh token',
      'aorAAAAAGdGVzdHRva2VuLXNhbmRib3gtcmVmcmVzaC10b2tlbg',
      'aorAAAAAGdGVzdHRva2Vu',
    ],
    [
      'an SSO OIDC client secret',
      'client eyJraWQiOiJrZXktc2FuZGJveCJ9.c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
      'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
    ],
    ['a labelled password in JSON', '{"password":"hunter2hunter2"}', 'hunter2hunter2'],
    [
      'a passphrase of several words in JSON',
      '{"input":{"passphrase":"correct horse battery staple"}}',
      'horse battery staple',
    ],
    ['a passphrase after a label', 'currentPassphrase=tr0ub4dor&3', 'tr0ub4dor'],
    ['a named passphrase in JSON', '{"newPassphrase":"three little words"}', 'little words'],
  ])('masks %s', (_label, text, leaked) => {
    const out = redact(text);
    expect(out).not.toContain(leaked);
    expect(out).toContain('[redacted]');
  });

  it('leaves ordinary log text alone', () => {
    const text = 'ListKeys in us-east-1 took 120 ms (request 8f0e0c3e-1a2b-4c5d-9e8f-0a1b2c3d4e5f)';
    expect(redact(text)).toBe(text);
  });
});
