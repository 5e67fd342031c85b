import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { readFileSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readCredentialsFile } from '../seed/credentials-file';
import type { RunningSandbox } from '../server';
import type { KmsLoadOptions, KmsLoadResult } from './kms-load';
import { atLeast, info, skipped, type Figure } from './report';

export interface ThroughputOptions {
  readonly seconds: number;
  readonly concurrency: number;
  readonly workers: number;
  /** CPUs of this machine (the ceiling figure). */
  readonly cores: number;
}

const TARGET_OPS = 2000;

type Probe = { readonly keyId: string } | { readonly reason: string };

/** Finds a symmetric key to use (the demo `alias/app-data`, else a new one) and checks Decrypt. */
async function probe(client: KMSClient): Promise<Probe> {
  const reasonOf = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  let keyId = 'alias/app-data';
  try {
    await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('probe') }));
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'NotFoundException') return { reason: reasonOf(e) };
    try {
      const created = await client.send(new CreateKeyCommand({ Description: 'bench' }));
      keyId = created.KeyMetadata?.KeyId ?? '';
    } catch (e2) {
      return { reason: `no alias/app-data and CreateKey failed (${reasonOf(e2)})` };
    }
  }
  try {
    const enc = await client.send(
      new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') }),
    );
    await client.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
    return { keyId };
  } catch (e) {
    return { reason: reasonOf(e) };
  }
}

/** Forks a load process (same tsx loader as this one) and waits until it is ready. */
async function forkWorker(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL('./kms-worker.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load process exited with ${code}`)));
  });
  return child;
}

function runIn(child: ChildProcess, options: KmsLoadOptions): Promise<KmsLoadResult> {
  return new Promise((resolve, reject) => {
    child.removeAllListeners('exit');
    child.once('message', (m: KmsLoadResult) => resolve(m));
    child.once('exit', (code) => reject(new Error(`load process exited with ${code}`)));
    child.send(options);
  });
}

function total(results: readonly KmsLoadResult[], seconds: number) {
  const ops = results.reduce((n, r) => n + r.ops, 0);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const firstError = results.find((r) => r.firstError)?.firstError;
  const note = errors > 0 ? `${errors} errors, first: ${firstError ?? '?'}` : undefined;
  return { rate: ops / seconds, note };
}

/** (a) Symmetric Encrypt+Decrypt throughput with @aws-sdk/client-kms against one sandbox. */
export async function benchKmsThroughput(
  sandbox: RunningSandbox,
  o: ThroughputOptions,
): Promise<Figure[]> {
  const credentials = readCredentialsFile(readFileSync(sandbox.credentialsFile, 'utf8')).prod;
  const name = `Encrypt+Decrypt, concurrency ${o.concurrency}`;
  if (!credentials) return [skipped(name, 'no prod profile in the credentials file')];
  const region = 'us-east-1';
  const client = new KMSClient({ endpoint: sandbox.endpoint, region, credentials, maxAttempts: 1 });
  const found = await probe(client);
  client.destroy();
  if ('reason' in found) {
    return [skipped(name, `cannot run: KMS Encrypt/Decrypt not available (${found.reason})`)];
  }
  const base = { endpoint: sandbox.endpoint, region, credentials, keyId: found.keyId };
  const window = () => {
    const startAt = Date.now() + 500;
    return { startAt, stopAt: startAt + o.seconds * 1000 };
  };

  const share = (i: number) =>
    Math.floor(o.concurrency / o.workers) + (i < o.concurrency % o.workers ? 1 : 0);
  const children = await Promise.all(Array.from({ length: o.workers }, forkWorker));
  const w = window();
  const cpuBefore = process.cpuUsage();
  const results = await Promise.all(
    children.map((child, i) => runIn(child, { ...base, concurrency: Math.max(1, share(i)), ...w })),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const many = total(results, o.seconds);
  const processes = `${o.workers} load process${o.workers === 1 ? '' : 'es'}`;
  return [
    atLeast(`${name}, ${processes} (total)`, many.rate, TARGET_OPS, 'ops/s', many.note),
    ...costFigures(results, cpu.user + cpu.system, o.cores),
  ];
}

/**
 * Where the CPU goes: per call, the SDK client's share (the load processes) and the sandbox's
 * (this process). With every core busy, `cores × 1 s ÷ (client + sandbox)` is the most this
 * machine can do; the sandbox runs on one thread, so it also caps at `1 s ÷ sandbox` on any
 * number of cores; and `cores × 1 s ÷ client` is the most even a sandbox that cost nothing allows.
 */
function costFigures(
  results: readonly KmsLoadResult[],
  sandboxCpuMicros: number,
  cores: number,
): Figure[] {
  const calls = results.reduce((n, r) => n + r.ops + r.errors, 0);
  if (calls === 0) return [];
  const client = results.reduce((n, r) => n + r.cpuMicros, 0) / calls;
  const sandbox = sandboxCpuMicros / calls;
  const perSecond = (micros: number, cpus = cores) => Math.round((cpus * 1e6) / micros);
  const coresNeeded = Math.ceil((TARGET_OPS * (client + sandbox)) / 1e6);
  const sandboxBudget = Math.floor(1e6 / TARGET_OPS);
  return [
    info(
      'SDK client CPU per call (load processes)',
      client,
      'µs',
      `the SDK alone caps ${cores} cores at ≈ ${perSecond(client)} ops/s`,
    ),
    info(
      'sandbox CPU per call (one thread)',
      sandbox,
      'µs',
      `caps the sandbox at ≈ ${perSecond(sandbox, 1)} calls/s on any number of cores`,
    ),
    info(
      `ceiling on ${cores} cores`,
      Math.min(perSecond(client + sandbox), perSecond(sandbox, 1)),
      'ops/s',
      `≥ ${TARGET_OPS} needs ≥ ${coresNeeded} cores and ≤ ${sandboxBudget} µs of sandbox CPU per call`,
    ),
  ];
}
