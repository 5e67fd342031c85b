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

  it('names a connection that failed, with the host and the system’s code, never the keys', () => {
    const refused = mapAwsError(
      Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:443'), {
        code: 'ECONNREFUSED',
        address: '10.1.2.3',
        port: 443,
      }),
      'sts',
      'GetCallerIdentity',
    );
    expect(refused).toMatchObject({
      code: 'network-unreachable',
      message: 'Connection refused by 10.1.2.3:443 (ECONNREFUSED).',
      retryable: true,
      aws: { code: 'ECONNREFUSED', service: 'sts', operation: 'GetCallerIdentity' },
      details: { kind: 'network', host: '10.1.2.3', port: 443, systemCode: 'ECONNREFUSED' },
    });
    expect(refused.hint).toMatch(/VPN.*HTTPS_PROXY.*Settings › Network/);
    expect(refused.hint).not.toMatch(/\bkeys?\b/i);
  });

  it('takes the host from the request when the error names none (the SDK’s timeouts)', () => {
    const place = { host: 'kms.eu-west-1.amazonaws.com', port: 443 };
    const timedOut = mapAwsError(
      Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }),
      'kms',
      'ListKeys',
      place,
    );
    expect(timedOut).toMatchObject({
      code: 'network-unreachable',
      message: 'No answer from kms.eu-west-1.amazonaws.com:443 in time (TimeoutError).',
      details: { host: 'kms.eu-west-1.amazonaws.com', systemCode: 'TimeoutError' },
    });
    expect(
      mapAwsError(
        Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
        'kms',
        'ListKeys',
        place,
      ).message,
    ).toBe('The connection to kms.eu-west-1.amazonaws.com:443 was cut off (ECONNRESET).');
    expect(
      mapAwsError(Object.assign(new Error('x'), { code: 'EAI_AGAIN' }), 'kms', 'ListKeys', place)
        .message,
    ).toMatch(/^Could not resolve kms\.eu-west-1\.amazonaws\.com: no DNS server answered/);
  });

  it('does not take an error named like an object member for a known one', () => {
    expect(mapAwsError(sdkError('constructor'), 'kms', 'ListKeys').code).toBe('internal');
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
