import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalRequest,
  sha256Hex,
  signature,
  signingKey,
  stringToSign,
} from './sigv4';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DATE = '20240115T093000Z';

function sign(
  region: string,
  service: string,
  headers: Record<string, string>,
  body: string,
  secret = SECRET,
): { canonical: string; sig: string } {
  const map = new Map(Object.entries(headers).map(([k, v]) => [k, [v]] as const));
  const canonical = canonicalRequest({
    method: 'POST',
    path: '/',
    query: [],
    headers: map,
    signedHeaders: Object.keys(headers),
    payloadHash: sha256Hex(body),
  });
  const scope = `20240115/${region}/${service}/aws4_request`;
  const sig = signature(
    signingKey(secret, '20240115', region, service),
    stringToSign(DATE, scope, canonical),
  );
  return { canonical, sig };
}

describe('SigV4 test vectors (reference §1.1)', () => {
  it('KMS Encrypt', () => {
    const { sig } = sign(
      'us-east-1',
      'kms',
      {
        'content-type': 'application/x-amz-json-1.1',
        host: '127.0.0.1:4566',
        'x-amz-date': DATE,
        'x-amz-target': 'TrentService.Encrypt',
      },
      '{"KeyId":"alias/ops-ebs","Plaintext":"aGVsbG8="}',
    );
    expect(sig).toBe('2ea58cf11bc31ef8a8aa37f0bbcd1dd0f1a96935da3f3c119bfde704a8064305');
  });

  it('EC2 DescribeSnapshots', () => {
    const { sig } = sign(
      'eu-west-1',
      'ec2',
      {
        'content-type': 'application/x-www-form-urlencoded',
        host: '127.0.0.1:4566',
        'x-amz-date': DATE,
      },
      'Action=DescribeSnapshots&Version=2016-11-15&Owner.1=self&Filter.1.Name=encrypted&Filter.1.Value.1=true&MaxResults=5',
    );
    expect(sig).toBe('2bcd9d2e7c43bb7442ea38f84f52871aac67f34b411f74d246e757ed8994cb58');
  });

  it('STS GetCallerIdentity', () => {
    const { sig } = sign(
      'us-east-1',
      'sts',
      {
        'content-type': 'application/x-www-form-urlencoded',
        host: '127.0.0.1:4566',
        'x-amz-date': DATE,
      },
      'Action=GetCallerIdentity&Version=2011-06-15',
    );
    expect(sig).toBe('738727aabedbd692c2aba2d582e5b166aa3860f34626bf6a45c726cd2f67343c');
  });

  it('KMS DescribeKey with a session token and x-amz-content-sha256', () => {
    const body =
      '{"KeyId":"arn:aws:kms:eu-west-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab"}';
    expect(sha256Hex(body)).toBe(
      '1cc3c03992e550f705ec3d67bb06eb665f45c23d83821912d1cf4399f7920d1d',
    );
    const { sig } = sign(
      'eu-west-1',
      'kms',
      {
        'content-type': 'application/x-amz-json-1.1',
        host: '127.0.0.1:4566',
        'x-amz-content-sha256': sha256Hex(body),
        'x-amz-date': DATE,
        'x-amz-security-token': 'IQoJb3JpZ2luX2VjEXAMPLETOKEN',
        'x-amz-target': 'TrentService.DescribeKey',
      },
      body,
      'tmpSecretEXAMPLEtmpSecretEXAMPLEtmpSecre',
    );
    expect(sig).toBe('6e2119f59a1114f3dc62d2db6f7741d1da05248bcf1b9148d8b08b1be74f8437');
  });

  it('sorts and RFC 3986-encodes the canonical query', () => {
    expect(
      canonicalQuery([
        ['b', 'x y'],
        ['a', "it's*"],
        ['X-Amz-Signature', 'zzz'],
        ['a', 'A'],
      ]),
    ).toBe('a=A&a=it%27s%2A&b=x%20y');
  });
});
