import { describe, expect, it } from 'vitest';
import { awsErrorCode, mapAwsError } from './map-aws-error';

const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    $metadata: { requestId: 'req-1' },
    ...extra,
  });

describe('mapAwsError', () => {
  it.each([
    ['AccessDeniedException', 'access-denied'],
    ['UnauthorizedOperation', 'access-denied'],
    ['ThrottlingException', 'throttled'],
    ['NotFoundException', 'not-found'],
    ['KMSInvalidStateException', 'invalid-state'],
    ['InvalidClientTokenId', 'credentials-invalid'],
    ['SignatureDoesNotMatch', 'credentials-invalid'],
    ['ExpiredToken', 'credentials-invalid'],
  ])('maps %s to %s and keeps the request id', (name, code) => {
    const mapped = mapAwsError(sdkError(name), 'kms', 'Decrypt');
    expect(mapped.code).toBe(code);
    expect(mapped.aws).toEqual({
      code: name,
      service: 'kms',
      operation: 'Decrypt',
      requestId: 'req-1',
    });
  });

  it('says "network" with a proxy hint when the endpoint cannot be reached', () => {
    const mapped = mapAwsError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'sts',
      'GetCallerIdentity',
    );
    expect(mapped.code).toBe('network');
    expect(mapped.hint).toMatch(/HTTPS_PROXY/);
    expect(mapped.retryable).toBe(true);
  });

  it('says which when TLS fails', () => {
    const mapped = mapAwsError(
      Object.assign(new Error('self-signed certificate in certificate chain'), {
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
      }),
      'kms',
      'ListKeys',
    );
    expect(mapped.code).toBe('network');
    expect(mapped.message).toMatch(/TLS/);
    expect(mapped.hint).toMatch(/AWS_CA_BUNDLE/);
  });

  it('marks unknown server faults retryable and unknown client faults internal', () => {
    expect(
      mapAwsError(sdkError('InternalFailure', { $fault: 'server' }), 'kms', 'ListKeys'),
    ).toMatchObject({ code: 'unavailable', retryable: true });
    expect(
      mapAwsError(sdkError('WeirdThing', { $fault: 'client' }), 'kms', 'ListKeys'),
    ).toMatchObject({ code: 'internal', retryable: false });
  });

  it('says "cancelled" when the caller’s signal aborted the request, and keeps AWS codes findable', () => {
    const mapped = mapAwsError(sdkError('AbortError'), 'kms', 'CreateAlias');
    expect(mapped).toMatchObject({ code: 'cancelled', aws: { code: 'AbortError' } });
    expect(
      awsErrorCode(mapAwsError(sdkError('SlowDownException'), 'sso-oidc', 'CreateToken')),
    ).toBe('SlowDownException');
    expect(awsErrorCode(sdkError('SlowDownException'))).toBe('SlowDownException');
  });
});
