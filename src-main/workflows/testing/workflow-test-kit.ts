import { DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { EC2_SANDBOX_SETTINGS, EC2_SETTINGS_ID } from '../../../src-sandbox/services/ec2/model';
import { SANDBOX_SCOPE } from '../../../src-sandbox/seed/seeder';
import type { Credentials } from '../../../src-sandbox/testing/test-sandbox';
import type { AwsPrincipal } from '../../aws/principal';
import { testClientFactory } from '../../aws/testing/test-client-factory';
import type { DEMO_ACCOUNTS } from '../../aws/testing/use-sandbox';
import { useSandbox } from '../../aws/testing/use-sandbox';
import { ec2Of, type KeyContext } from '../../key-operations/key-context';
import { silentLogger } from '../../log/logger';
import { RUN_ID_TAG } from '../kinds/snapshots';
import type { StepAt, StepEnv } from '../step-kind';
import {
  createWorkflowEngine,
  type RunProgress,
  type WorkflowEngineOptions,
} from '../workflow-engine';

/**
 * An in-process sandbox whose clock the engine's waits move forward (no real sleeps), a context
 * over the access layer for the demo profiles, and engines journaling in one temp data dir.
 */
export function useWorkflows() {
  // The sandbox's clock moves only when the engine waits: progress is the same on a busy machine.
  // (It falls behind the real clock by the file's run time, well inside SigV4's 15-minute skew.)
  let clockMs = Date.now();
  const sandbox = useSandbox({ now: () => new Date(clockMs) });
  const aws = testClientFactory();
  const dataDir = mkdtempSync(join(tmpdir(), 'keyward-workflows-'));
  afterAll(() => {
    aws.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const extra = new Map<string, AwsPrincipal>();
  const ctx: KeyContext = {
    aws,
    dataDir,
    logger: silentLogger,
    principal: (profileId) =>
      Promise.resolve(
        extra.get(profileId) ?? sandbox.principal(profileId as keyof typeof DEMO_ACCOUNTS),
      ),
  };
  const engine = (options: Partial<WorkflowEngineOptions> = {}) =>
    createWorkflowEngine({
      ctx,
      sleep: (ms) => {
        clockMs += ms;
        return Promise.resolve();
      },
      retry: { attempts: 5, baseDelayMs: 1000 },
      ...options,
    });
  return {
    sandbox,
    ctx,
    /** A profile of one's own (an IAM user the test made) alongside the demo ones. */
    addProfile(profileId: string, accountId: string, credentials: Credentials) {
      extra.set(profileId, {
        id: `test:${profileId}`,
        profileId,
        revision: '1',
        accountId,
        target: { credentials, endpoint: sandbox.t.sandbox.endpoint },
      });
    },
    dataDir,
    engine,
    /** How long snapshot copies take in sandbox time. */
    setCopyDuration(ms: number) {
      sandbox.t.sandbox.runtime.store.write((tx) =>
        tx.put(EC2_SANDBOX_SETTINGS, SANDBOX_SCOPE, EC2_SETTINGS_ID, { asyncDurationMs: ms }),
      );
    },
    /** What the engine gives a step at `at`; the step's checkpoint `crashAt` throws as a crash would. */
    stepEnv(at: StepAt, crashAt?: string): StepEnv {
      return {
        ...at,
        ctx,
        resolve: (value) => (typeof value === 'string' ? value : ''),
        progress: () => undefined,
        checkpoint: (point) => {
          if (point === crashAt) throw new Error(`crash at ${point}`);
        },
        sleep: () => Promise.resolve(),
        signal: new AbortController().signal,
      };
    },
    /** The snapshots a run made, found by its tag. */
    async snapshotsOfRun(profileId: string, region: string, runId: string) {
      const ec2 = await ec2Of(ctx, profileId, region);
      const out = await ec2.send(
        new DescribeSnapshotsCommand({
          OwnerIds: ['self'],
          Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [runId] }],
        }),
      );
      return out.Snapshots ?? [];
    },
  };
}

/** A progress sink that keeps what was reported. */
export function recordRun(): RunProgress & {
  readonly events: { title: string; detail?: string }[];
} {
  const events: { title: string; detail?: string }[] = [];
  return {
    events,
    signal: new AbortController().signal,
    progress(_step, _count, title, _value, detail) {
      events.push({ title, ...(detail?.['progress'] ? { detail: detail['progress'] } : {}) });
    },
  };
}
