import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';

export interface KmsLoadOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly keyId: string;
  /** Concurrent Encrypt→Decrypt loops in this process/thread. */
  readonly concurrency: number;
  /** Epoch ms: begin together, stop together. */
  readonly startAt: number;
  readonly stopAt: number;
}

export interface KmsLoadResult {
  /** Successful API calls (each Encrypt and each Decrypt counts as one). */
  readonly ops: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly elapsedMs: number;
  /** CPU this process spent during the run (user + system), µs: the SDK client's cost. */
  readonly cpuMicros: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** Symmetric Encrypt then Decrypt of 64 random bytes, in `concurrency` loops, until `stopAt`. */
export async function runKmsLoad(o: KmsLoadOptions): Promise<KmsLoadResult> {
  // Keep-alive sockets, one per loop, and the resolved middleware stack reused across calls: a
  // long-running application configures its client this way; the defaults cost a lot per call.
  const httpAgent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const client = new KMSClient({
    endpoint: o.endpoint,
    region: o.region,
    credentials: { ...o.credentials },
    maxAttempts: 1,
    cacheMiddleware: true,
    requestHandler: { httpAgent },
  });
  let ops = 0;
  let errors = 0;
  let firstError: string | undefined;
  const fail = (e: unknown) => {
    errors++;
    firstError ??= e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  };
  await sleep(o.startAt - Date.now());
  const began = Date.now();
  const cpuBefore = process.cpuUsage();
  const loop = async () => {
    while (Date.now() < o.stopAt) {
      try {
        const context = { bench: 'keyward' };
        const enc = await client.send(
          new EncryptCommand({
            KeyId: o.keyId,
            Plaintext: randomBytes(64),
            EncryptionContext: context,
          }),
        );
        ops++;
        await client.send(
          new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: context }),
        );
        ops++;
      } catch (e) {
        fail(e);
        if (errors > 50 && ops === 0) return;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  const cpu = process.cpuUsage(cpuBefore);
  client.destroy();
  httpAgent.destroy();
  return {
    ops,
    errors,
    ...(firstError ? { firstError } : {}),
    elapsedMs: Date.now() - began,
    cpuMicros: cpu.user + cpu.system,
  };
}
