import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../identity/caller';
import { Sha256 } from '../testing/signed-request';
import type { CredentialLookup } from './credentials';
import { verifyPresignedUrl } from './presigned-url';

const caller: Caller = {
  kind: 'user',
  account: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/admin',
  userId: 'AIDAEXAMPLEEXAMPLE12',
  userName: 'admin',
  accessKeyId: 'AKIASANDBOXAAAAAAAAA',
  temporary: false,
  mfaAuthenticated: false,
};
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const lookup: CredentialLookup = {
  find: (id) =>
    id === caller.accessKeyId ? { accessKeyId: id, secretAccessKey: SECRET, caller } : undefined,
};

async function presign(secret = SECRET, signingDate = new Date()): Promise<string> {
  const signer = new SignatureV4({
    credentials: { accessKeyId: caller.accessKeyId, secretAccessKey: secret },
    region: 'eu-west-1',
    service: 'ec2',
    sha256: Sha256,
  });
  // As @aws-sdk/middleware-sdk-ec2 builds CopySnapshot's PresignedUrl: host header without port.
  const request = new HttpRequest({
    protocol: 'https',
    hostname: '127.0.0.1',
    port: 4566,
    path: '/',
    headers: { host: '127.0.0.1' },
    query: {
      Action: 'CopySnapshot',
      Version: '2016-11-15',
      SourceRegion: 'eu-west-1',
      SourceSnapshotId: 'snap-0a1b2c3d4e5f67890',
      DestinationRegion: 'us-east-1',
      Description: 'a copy (with spaces & symbols)*',
    },
  });
  const signed = await signer.presign(request, { expiresIn: 3600, signingDate });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(signed.query ?? {})) query.append(k, String(v));
  return `https://127.0.0.1:4566/?${query.toString().replace(/\+/g, '%20')}`;
}

describe('verifyPresignedUrl', () => {
  it('accepts a URL presigned by @smithy/signature-v4', async () => {
    const result = verifyPresignedUrl(await presign(), lookup, { now: new Date() });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.caller.arn).toBe(caller.arn);
      expect(result.signed.region).toBe('eu-west-1');
      expect(result.params.get('SourceSnapshotId')).toBe('snap-0a1b2c3d4e5f67890');
      expect(result.params.has('X-Amz-Signature')).toBe(false);
    }
  });

  it('rejects a wrong secret, a tampered parameter and an expired URL', async () => {
    const bad = verifyPresignedUrl(await presign('x'.repeat(40)), lookup, { now: new Date() });
    expect(bad.ok ? 'ok' : bad.failure.kind).toBe('bad-signature');
    const tampered = (await presign()).replace('snap-0a1b2c3d4e5f67890', 'snap-0000000000000000');
    const t = verifyPresignedUrl(tampered, lookup, { now: new Date() });
    expect(t.ok ? 'ok' : t.failure.kind).toBe('bad-signature');
    const old = verifyPresignedUrl(
      await presign(SECRET, new Date(Date.now() - 2 * 3600_000)),
      lookup,
      { now: new Date() },
    );
    expect(old.ok ? 'ok' : old.failure.kind).toBe('presign-expired');
    const unknown = verifyPresignedUrl(
      (await presign()).replace('AKIASANDBOXAAAAAAAAA', 'AKIASANDBOXBBBBBBBBB'),
      lookup,
      { now: new Date() },
    );
    expect(unknown.ok ? 'ok' : unknown.failure.kind).toBe('unknown-key');
  });
});
