import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../server';
import { below, info, type Figure } from './report';
import { summarize } from './report';

const TARGET_MS = 2000;

async function timed(dataDir: string): Promise<{ ms: number; events: number }> {
  const began = performance.now();
  const sandbox = await start({ dataDir, lookupEventsRate: 'off' });
  const ms = performance.now() - began;
  const events = sandbox.runtime.trail.count();
  await sandbox.stop();
  return { ms, events };
}

/** (c) start() with the full seed from an empty data dir, and reopening that data dir. */
export async function benchStartup(rounds = 3): Promise<Figure[]> {
  const fresh: number[] = [];
  const reopen: number[] = [];
  let events = 0;
  for (let i = 0; i < rounds; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-bench-start-'));
    try {
      const first = await timed(dir);
      fresh.push(first.ms);
      events = first.events;
      reopen.push((await timed(dir)).ms);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const f = summarize(fresh);
  const r = summarize(reopen);
  return [
    below('start-up, empty data dir (seed), first in process', fresh[0] ?? NaN, TARGET_MS, 'ms'),
    below(
      `start-up, empty data dir (seed), median of ${rounds}`,
      f.median,
      TARGET_MS,
      'ms',
      `${events} CloudTrail events seeded`,
    ),
    below(`start-up, reopen existing data dir, median of ${rounds}`, r.median, TARGET_MS, 'ms'),
    info('start-up, reopen, worst', Math.max(...reopen), 'ms'),
  ];
}
