import { CloudTrailClient, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  KMSClient,
  paginateListAliases,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import { createEventBus } from '../operations/event-bus';
import { silentLogger } from '../log/logger';
import { createOperationRunner } from '../operations/operation-runner';
import { collectPages } from './collect-pages';
import { createRequestScheduler } from './scheduler/request-scheduler';
import { useSandbox } from './testing/use-sandbox';
import { testClientFactory } from './testing/test-client-factory';

const sandbox = useSandbox({ kmsRequestQuotas: 'on' });

describe('cancelling an operation', () => {
  it('rejects its queued calls as cancelled; none of them reaches AWS afterwards', async () => {
    const sent: number[] = [];
    const aws = testClientFactory({
      scheduler: createRequestScheduler({
        onRelease: (r) => void (r.quotaKeys.includes('kms:CreateAlias') && sent.push(r.at)),
      }),
    });
    const prod = sandbox.principal('prod');
    const kms = await aws.client(KMSClient, prod, 'us-east-1');
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
    const operations = createOperationRunner(createEventBus(), silentLogger);

    // 200 CreateAlias calls: at 4.5 a second (AWS allows 5) they would take 44 s.
    let results: PromiseSettledResult<unknown>[] = [];
    const id = operations.start(
      'test.createAliases',
      async (ctx) => {
        results = await Promise.allSettled(
          Array.from({ length: 200 }, (_, i) =>
            kms.send(
              new CreateAliasCommand({ AliasName: `alias/cancel-${i}`, TargetKeyId: keyId }),
              { abortSignal: ctx.signal },
            ),
          ),
        );
        return null;
      },
      z.null(),
    );
    // Cancel once a few have gone out (however slow this machine is), the rest still queued.
    for (const started = Date.now(); sent.length < 3;) {
      if (Date.now() - started > 30_000) throw new Error('no CreateAlias was sent in 30 s');
      await new Promise((done) => setTimeout(done, 10));
    }
    const cancelledAt = performance.now();
    expect(operations.cancel(id)).toBe(true);
    await operations.idle();
    const settledMs = performance.now() - cancelledAt;

    const created = results.filter((r) => r.status === 'fulfilled').length;
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(created).toBeLessThanOrEqual(sent.length);
    expect(sent.length).toBeLessThan(20);
    expect(reasons).toHaveLength(200 - created);
    for (const reason of reasons) {
      expect(reason).toBeInstanceOf(KeywardError);
      expect((reason as KeywardError).code).toBe('cancelled');
    }
    expect(aws.scheduler.snapshot()).toEqual({ waiting: {}, inFlight: {} });
    // Sent: those that succeeded, and at most the one or two on the wire when it came.
    expect(sent.every((at) => at < cancelledAt)).toBe(true);
    expect(sent.length - created).toBeLessThanOrEqual(2);
    const logged = aws.calls.recent().filter((call) => call.operation === 'CreateAlias');
    expect(logged.filter((call) => call.outcome === 'ok')).toHaveLength(created);
    expect(logged.filter((call) => call.outcome === 'cancelled')).toHaveLength(200 - created);

    // A while later the sandbox has seen exactly the calls sent before the cancel (a request on
    // the wire may have been answered after the caller stopped listening): its aliases and its
    // CloudTrail say so, read page by page with the SDK's paginators.
    await new Promise((done) => setTimeout(done, 1500));
    const aliases = await collectPages(
      paginateListAliases({ client: kms, pageSize: 2 }, { KeyId: keyId }),
      (page) => page.Aliases,
    );
    // A call aborted on the wire may or may not have reached the sandbox; nothing else did.
    expect(aliases.length).toBeGreaterThanOrEqual(created);
    expect(aliases.length).toBeLessThanOrEqual(sent.length);
    const trail = await aws.client(CloudTrailClient, prod, 'us-east-1');
    const events = await collectPages(
      paginateLookupEvents(
        { client: trail, pageSize: 2 },
        { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateAlias' }] },
      ),
      (page) => page.Events,
    );
    expect(events).toHaveLength(aliases.length);
    const pages = (operation: string) =>
      aws.calls.recent().filter((call) => call.operation === operation).length;
    expect(pages('ListAliases')).toBe(Math.max(1, Math.ceil(aliases.length / 2)));
    expect(pages('LookupEvents')).toBeGreaterThanOrEqual(Math.ceil(aliases.length / 2));
    console.info(
      `${sent.length} of 200 CreateAlias sent (${created} answered) before the cancel; the rest rejected ${settledMs.toFixed(0)} ms after it`,
    );
    aws.close();
  });
});
