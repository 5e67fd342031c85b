import {
  CloudTrailClient,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCredentialsFile } from '../seed/credentials-file';
import { demoKey, demoKeyArn } from '../seed/demo-keys';
import { PROD_ACCOUNT } from '../seed/demo-world';
import { generateTrailHistory } from '../seed/trail-history';
import { start, type RunningSandbox } from '../server';
import type { CloudTrailRecord } from '../trail/types';
import { below, info, summarize, type Figure } from './report';

const TARGET_MS = 50;
const REGION = 'us-east-1';

/** Fills prod/us-east-1 up to `target` events: the seeded history, cloned with fresh ids. */
function fill(sandbox: RunningSandbox, target: number): number {
  const { trail, store } = sandbox.runtime;
  const base = generateTrailHistory(store.begin(), new Date(), 7).filter(
    (r) => r.recipientAccountId === PROD_ACCOUNT && r.awsRegion === REGION,
  );
  let have = trail.count(PROD_ACCOUNT, REGION);
  let batch: CloudTrailRecord[] = [];
  for (let copy = 1; have < target; copy++) {
    for (const r of base) {
      if (have >= target) break;
      const t = Date.parse(r.eventTime) - copy * 37_000;
      batch.push({ ...r, eventID: randomUUID(), eventTime: new Date(t).toISOString() });
      have++;
      if (batch.length === 5000) {
        trail.record(...batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) trail.record(...batch);
  return trail.count(PROD_ACCOUNT, REGION);
}

async function measure(
  client: CloudTrailClient,
  input: LookupEventsCommandInput,
  samples: number,
): Promise<{ median: number; p95: number; size: number }> {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < samples + 5; i++) {
    const began = performance.now();
    const out = await client.send(new LookupEventsCommand({ MaxResults: 50, ...input }));
    if (i >= 5) times.push(performance.now() - began);
    size = out.Events?.length ?? 0;
  }
  return { ...summarize(times), size };
}

/** The trail store's share: the same first page without HTTP, SigV4, JSON or the SDK. */
function storeOnly(sandbox: RunningSandbox, samples: number): Figure {
  const times: number[] = [];
  for (let i = 0; i < samples + 5; i++) {
    const began = performance.now();
    const page = sandbox.runtime.trail.query({ account: PROD_ACCOUNT, region: REGION, limit: 50 });
    JSON.stringify(page);
    if (i >= 5) times.push(performance.now() - began);
  }
  const s = summarize(times);
  return info('no filter, trail store only: median', s.median, 'ms', `p95 ${s.p95.toFixed(1)} ms`);
}

/** Latency of the pages after the first: walks `pages` pages with NextToken. */
async function measureDeep(client: CloudTrailClient, pages: number) {
  const times: number[] = [];
  let token: string | undefined;
  for (let i = 0; i < pages; i++) {
    const began = performance.now();
    const out = await client.send(
      new LookupEventsCommand({ MaxResults: 50, ...(token ? { NextToken: token } : {}) }),
    );
    if (i > 0) times.push(performance.now() - began);
    token = out.NextToken;
    if (!token) break;
  }
  return summarize(times);
}

/** (b) LookupEvents page latency (SDK round trip) over 100,000 events in one account/region. */
export async function benchLookupLatency(events = 100_000, samples = 60): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyward-bench-trail-'));
  const filling = await start({ dataDir, lookupEventsRate: 'off' });
  const began = performance.now();
  const count = fill(filling, events);
  const fillMs = performance.now() - began;
  await filling.stop();
  // Measure on a reopened data dir, as a user opening Keyward on an existing history would.
  const reopenBegan = performance.now();
  const sandbox = await start({ dataDir, lookupEventsRate: 'off' });
  const reopenMs = performance.now() - reopenBegan;
  try {
    const credentials = readCredentialsFile(readFileSync(sandbox.credentialsFile, 'utf8')).prod;
    const client = new CloudTrailClient({
      endpoint: sandbox.endpoint,
      region: REGION,
      ...(credentials ? { credentials } : {}),
      maxAttempts: 1,
    });
    const attr = (key: string, value: string): LookupEventsCommandInput => ({
      LookupAttributes: [{ AttributeKey: key as 'EventName', AttributeValue: value }],
    });
    const week = { StartTime: new Date(Date.now() - 7 * 86_400_000), EndTime: new Date() };
    const scenarios: [string, LookupEventsCommandInput][] = [
      ['no filter', {}],
      ['EventName=Decrypt', attr('EventName', 'Decrypt')],
      ['Username=prod-developer (rare)', attr('Username', 'prod-developer')],
      ['ResourceName=app-data key ARN', attr('ResourceName', demoKeyArn(demoKey('app-data')))],
      ['ReadOnly=false', attr('ReadOnly', 'false')],
      ['EventSource=kms, last 7 days', { ...attr('EventSource', 'kms.amazonaws.com'), ...week }],
    ];
    const figures: Figure[] = [
      info('events in prod/us-east-1', count, 'events', `filled in ${fillMs.toFixed(0)} ms`),
      info('reopen of that data dir', reopenMs, 'ms'),
      storeOnly(sandbox, samples),
    ];
    for (const [name, input] of scenarios) {
      const m = await measure(client, input, samples);
      const note = `${m.size} events per page`;
      figures.push(below(`${name}: median`, m.median, TARGET_MS, 'ms', note));
      figures.push(below(`${name}: p95`, m.p95, TARGET_MS, 'ms'));
    }
    const deep = await measureDeep(client, samples);
    figures.push(
      below('no filter, pages 2..n via NextToken: median', deep.median, TARGET_MS, 'ms'),
    );
    figures.push(below('no filter, pages 2..n via NextToken: p95', deep.p95, TARGET_MS, 'ms'));
    client.destroy();
    return figures;
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
