import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Credentials, TestSandbox } from './test-sandbox';

/** The Checksum constructor @smithy/signature-v4 expects (HMAC when given a secret). */
export class Sha256 {
  private hash: Hash | Hmac;
  private readonly key: Buffer | undefined;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.key = secret === undefined ? undefined : toBuffer(secret);
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.key === undefined ? createHash('sha256') : createHmac('sha256', this.key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

export interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface SignedCall {
  /** Signing name of the credential scope: `kms`, `sts`, `cloudtrail` … */
  readonly service: string;
  readonly body: string;
  /** Besides `host` and `x-amz-date`, which the signer adds. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly profile?: string | Credentials;
  readonly region?: string;
}

/** Form bodies of the query protocols (EC2, STS, IAM). */
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' } as const;

/** An awsJson1_1 call's headers for `X-Amz-Target: <target>`. */
export const jsonTarget = (target: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': target,
});

/**
 * Posts a request signed by @smithy/signature-v4 (as the SDK signs) but with any body and
 * headers: for what the SDK never sends, such as an unknown operation or a malformed blob.
 */
export async function sendSigned(t: TestSandbox, call: SignedCall): Promise<RawReply> {
  const credentials =
    typeof call.profile === 'object' ? call.profile : t.credentials(call.profile ?? 'prod');
  const signer = new SignatureV4({
    credentials,
    region: call.region ?? 'us-east-1',
    service: call.service,
    sha256: Sha256,
  });
  const host = `127.0.0.1:${t.sandbox.port}`;
  const signed = await signer.sign(
    new HttpRequest({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: t.sandbox.port,
      method: 'POST',
      path: '/',
      headers: { ...call.headers, host },
      body: call.body,
    }),
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== 'host'),
  );
  const response = await fetch(`${t.sandbox.endpoint}/`, {
    method: 'POST',
    headers,
    body: call.body,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}
