import {
  KMSClient,
  ListResourceTagsCommand,
  TagResourceCommand,
  CreateKeyCommand,
} from '@aws-sdk/client-kms';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCredentialsFile } from '../seed/credentials-file';
import type { RunningSandbox, StartOptions } from '../server';
import { info, skipped, type Figure } from './report';

/**
 * The sandbox as it was before concurrent writes were made serialisable (issue 9): its code is
 * taken from git and started in this process beside the current one, so both are measured in
 * one run on one machine.
 */
export const BASELINE_REVISION = '90b75a1';

type StartFn = (opts: StartOptions) => Promise<RunningSandbox>;

const ROOT = resolve(import.meta.dirname, '../..');

/** Extracts the baseline's src-sandbox and src-shared under .tmp/ (node_modules resolve from there). */
async function loadBaseline(): Promise<{ start: StartFn } | { reason: string }> {
  const dir = join(ROOT, '.tmp', `bench-baseline-${BASELINE_REVISION}`);
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync(
      'git',
      ['archive', BASELINE_REVISION, 'src-sandbox', 'src-shared'],
      {
        cwd: ROOT,
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    const server = (await import(join(dir, 'src-sandbox', 'server.ts'))) as { start: StartFn };
    return { start: server.start };
  } catch (e) {
    return {
      reason: `baseline ${BASELINE_REVISION} unavailable here (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    };
  }
}

interface WriteLoad {
  readonly rate: number;
  readonly tagsWritten: number;
  /** Tags whose final value is not the last one their (sequential) writer was told succeeded. */
  readonly lost: number;
}

/**
 * `concurrency` writers, each its own tag on one shared key, each writing 1, 2, 3 … one call
 * after the other for `seconds`. Every call is a read-modify-write of the same key document: in
 * a serialisable sandbox every writer's tag ends at its last acknowledged value.
 */
async function tagLoad(
  sandbox: RunningSandbox,
  seconds: number,
  concurrency: number,
): Promise<WriteLoad> {
  const credentials = readCredentialsFile(readFileSync(sandbox.credentialsFile, 'utf8'))['prod'];
  if (!credentials) throw new Error('no prod profile in the credentials file');
  const kms = new KMSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  const keyId = (await kms.send(new CreateKeyCommand({ Description: 'write bench' }))).KeyMetadata
    ?.KeyId;
  const last: number[] = Array.from({ length: concurrency }, () => 0);
  let calls = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    last.map(async (_, w) => {
      for (let n = 1; performance.now() < deadline; n++) {
        await kms.send(
          new TagResourceCommand({
            KeyId: keyId,
            Tags: [{ TagKey: `writer-${w}`, TagValue: String(n) }],
          }),
        );
        last[w] = n;
        calls++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const tags = (await kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags ?? [];
  const final = new Map(tags.map((t) => [t.TagKey, Number(t.TagValue)]));
  const lost = last.filter((n, w) => final.get(`writer-${w}`) !== n).length;
  kms.destroy();
  return { rate: calls / elapsed, tagsWritten: concurrency, lost };
}

async function measure(start: StartFn, seconds: number, concurrency: number): Promise<WriteLoad> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyward-bench-write-'));
  const sandbox = await start({
    dataDir,
    port: 0,
    kmsRequestQuotas: 'off',
    lookupEventsRate: 'off',
  });
  try {
    return await tagLoad(sandbox, seconds, concurrency);
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const figures = (label: string, load: WriteLoad): Figure[] => [
  info(
    `write throughput ${label}, TagResource on one key, median`,
    Math.round(load.rate),
    'writes/s',
  ),
  info(
    `writers whose last acknowledged tag was lost ${label}`,
    load.lost,
    `of ${load.tagsWritten}`,
  ),
];

/** (d) Write throughput of the current sandbox, and of the one before the fix, in one run. */
export async function benchWriteThroughput(
  current: StartFn,
  options: { readonly seconds: number; readonly concurrency: number; readonly rounds: number },
): Promise<Figure[]> {
  const baseline = await loadBaseline();
  const run = (start: StartFn) => measure(start, options.seconds, options.concurrency);
  // Alternate the two so that a change in the machine's load hits both alike.
  const before: WriteLoad[] = [];
  const after: WriteLoad[] = [];
  for (let round = 0; round < options.rounds; round++) {
    if ('start' in baseline) before.push(await run(baseline.start));
    after.push(await run(current));
  }
  return [
    ...('start' in baseline
      ? figures(`before (${BASELINE_REVISION})`, median(before))
      : [skipped('write throughput before', baseline.reason)]),
    ...figures('after (this tree)', median(after)),
  ];
}

/** The round with the median rate; lost writers summed over every round. */
function median(loads: readonly WriteLoad[]): WriteLoad {
  const sorted = [...loads].sort((a, b) => a.rate - b.rate);
  const middle = sorted[Math.floor(sorted.length / 2)] ?? { rate: NaN, tagsWritten: 0, lost: 0 };
  return {
    rate: middle.rate,
    tagsWritten: loads.reduce((n, l) => n + l.tagsWritten, 0),
    lost: loads.reduce((n, l) => n + l.lost, 0),
  };
}
