import {
  CloudTrailClient,
  LookupEventsCommand,
  paginateLookupEvents,
  type Event,
  type LookupAttributeKey,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey, demoKeyArn } from '../../seed/demo-keys';
import { BACKUP_OPERATOR_ARN, BACKUP_OPERATOR_EXTERNAL_ID } from '../../seed/demo-world';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';
import type { CloudTrailRecord, LookupEvent } from '../../trail/types';

const PROD = '111111111111';
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ lookupEventsRate: 'off' });
});
afterAll(async () => {
  await t.stop();
});

const trail = (profile = 'prod', region = 'us-east-1', extra: object = {}) =>
  new CloudTrailClient({ ...t.client(profile, region), ...extra });
const lookup = (input: LookupEventsCommandInput, profile = 'prod', region = 'us-east-1') =>
  trail(profile, region).send(new LookupEventsCommand(input));
const attr = (key: LookupAttributeKey, value: string) => ({
  LookupAttributes: [{ AttributeKey: key, AttributeValue: value }],
});
const recordOf = (e: Event | LookupEvent) =>
  JSON.parse(e.CloudTrailEvent ?? '{}') as CloudTrailRecord;

async function errorOf(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

/** Every event of an account and region, straight from the store (the oracle). */
const everything = (account = PROD, region = 'us-east-1') =>
  t.sandbox.runtime.trail.query({ account, region, limit: 1_000_000 }).events;

async function all(input: LookupEventsCommandInput, profile = 'prod'): Promise<Event[]> {
  const out: Event[] = [];
  for await (const page of paginateLookupEvents({ client: trail(profile) }, input)) {
    expect((page.Events ?? []).length).toBeLessThanOrEqual(input.MaxResults ?? 50);
    out.push(...(page.Events ?? []));
  }
  return out;
}

describe('LookupEvents', () => {
  it('answers 50 events newest first with the Event shape and a NextToken', async () => {
    const out = await lookup({});
    expect(out.Events).toHaveLength(50);
    expect(out.NextToken).toEqual(expect.any(String));
    const times = (out.Events ?? []).map((e) => e.EventTime?.getTime() ?? 0);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const e = out.Events?.find((x) => x.EventSource === 'kms.amazonaws.com');
    expect(e).toMatchObject({
      EventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      EventName: expect.any(String),
      ReadOnly: expect.stringMatching(/^(true|false)$/),
      AccessKeyId: expect.stringMatching(/^A[KS]IA/),
      EventTime: expect.any(Date),
      Resources: [{ ResourceType: 'AWS::KMS::Key', ResourceName: expect.stringMatching(/^arn:/) }],
    });
    expect(recordOf(e ?? {})).toMatchObject({ eventID: e?.EventId, eventCategory: 'Management' });
  });

  it.each<[LookupAttributeKey, (r: CloudTrailRecord, e: LookupEvent) => string | undefined]>([
    ['EventName', (r) => r.eventName],
    ['EventSource', (r) => r.eventSource],
    ['ReadOnly', (r) => String(r.readOnly)],
    ['Username', (_r, e) => e.Username],
    ['AccessKeyId', (r) => r.userIdentity.accessKeyId],
    ['ResourceType', (r) => r.resources?.find((x) => x.type === 'AWS::IAM::Role')?.type],
    [
      'ResourceName',
      (r) => r.resources?.find((x) => x.ARN === demoKeyArn(demoKey('ebs-workloads')))?.ARN,
    ],
    ['EventId', (r) => r.eventID],
  ])('filters by %s', async (key, valueOf) => {
    const oracle = everything();
    const sample = key === 'ReadOnly' ? 'false' : key === 'Username' ? 'prod-developer' : undefined;
    const value =
      sample ?? oracle.map((e) => valueOf(recordOf(e), e)).find((v) => v !== undefined) ?? '';
    const expected = oracle.filter((e) => {
      const v = valueOf(recordOf(e), e);
      return key === 'ResourceType'
        ? recordOf(e).resources?.some((x) => x.type === value)
        : key === 'ResourceName'
          ? recordOf(e).resources?.some((x) => x.ARN === value)
          : v === value;
    });
    expect(expected.length).toBeGreaterThan(0);
    const got = await all({ ...attr(key, value) });
    expect(got.map((e) => e.EventId).sort()).toEqual(expected.map((e) => e.EventId).sort());
  });

  it('limits by StartTime and EndTime (inclusive)', async () => {
    const oracle = everything();
    const start = new Date(Date.now() - 3 * 86_400_000);
    const end = new Date(Date.now() - 2 * 86_400_000);
    const expected = oracle.filter((e) => e.EventTime >= start && e.EventTime <= end);
    const got = await all({ StartTime: start, EndTime: end });
    expect(got.length).toBe(expected.length);
    for (const e of got) {
      expect(e.EventTime?.getTime()).toBeGreaterThanOrEqual(start.getTime() - 1000);
      expect(e.EventTime?.getTime()).toBeLessThanOrEqual(end.getTime());
    }
    const bad = await errorOf(lookup({ StartTime: end, EndTime: start }));
    expect([bad.name, bad.$metadata?.httpStatusCode]).toEqual(['InvalidTimeRangeException', 400]);
  });

  it('pages through every event exactly once with NextToken', async () => {
    const expected = everything().filter((e) => e.EventName === 'Decrypt');
    const got = await all({ ...attr('EventName', 'Decrypt'), MaxResults: 50 });
    const ids = got.map((e) => e.EventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expected.map((e) => e.EventId).sort());
  });

  it('enforces MaxResults 1–50 (default 50)', async () => {
    expect((await lookup({ MaxResults: 1 })).Events).toHaveLength(1);
    expect((await lookup({ MaxResults: 50 })).Events).toHaveLength(50);
    for (const n of [0, 51]) {
      const e = await errorOf(lookup({ MaxResults: n }));
      expect([e.name, e.$metadata?.httpStatusCode]).toEqual(['InvalidMaxResultsException', 400]);
    }
  });

  it('accepts one lookup attribute only, and only known keys', async () => {
    const two = await errorOf(
      lookup({
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'Decrypt' },
          { AttributeKey: 'ReadOnly', AttributeValue: 'true' },
        ],
      }),
    );
    expect([two.name, two.$metadata?.httpStatusCode]).toEqual([
      'InvalidLookupAttributesException',
      400,
    ]);
    expect(two.message).toMatch(/one lookup attribute/);
    const unknown = await errorOf(lookup(attr('Colour' as LookupAttributeKey, 'blue')));
    expect(unknown.name).toBe('InvalidLookupAttributesException');
  });

  it('refuses a bad or foreign NextToken', async () => {
    const bad = await errorOf(lookup({ NextToken: 'not-a-token' }));
    expect([bad.name, bad.$metadata?.httpStatusCode]).toEqual(['InvalidNextTokenException', 400]);
    const first = await lookup({ ...attr('EventName', 'Decrypt'), MaxResults: 5 });
    const foreign = await errorOf(
      lookup({ ...attr('EventName', 'Encrypt'), NextToken: first.NextToken }),
    );
    expect(foreign.name).toBe('InvalidNextTokenException');
  });

  it('handles EventCategory: insight is empty, others are refused', async () => {
    expect((await lookup({ EventCategory: 'insight' })).Events).toEqual([]);
    const e = await errorOf(lookup({ EventCategory: 'bogus' as 'insight' }));
    expect(e.name).toBe('InvalidEventCategoryException');
  });

  it('needs cloudtrail:LookupEvents (prod-developer has none)', async () => {
    const e = await errorOf(lookup({}, 'prod-developer'));
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toContain('cloudtrail:LookupEvents');
  });

  it('finds the events of STS and IAM calls made here, with their userIdentity', async () => {
    await new STSClient(t.client('prod-developer')).send(new GetCallerIdentityCommand({}));
    await new IAMClient(t.client('prod')).send(new CreateUserCommand({ UserName: 'trail-me' }));
    const assumed = await new STSClient(t.client('prod')).send(
      new AssumeRoleCommand({
        RoleArn: BACKUP_OPERATOR_ARN,
        RoleSessionName: 'lookup-test',
        ExternalId: BACKUP_OPERATOR_EXTERNAL_ID,
      }),
    );
    const c = assumed.Credentials;
    await new STSClient(
      t.client({
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken ?? '',
      }),
    ).send(new GetCallerIdentityCommand({}));

    const gci = (await lookup(attr('EventName', 'GetCallerIdentity'))).Events ?? [];
    expect(gci[0]).toMatchObject({ Username: 'prod-developer', EventSource: 'sts.amazonaws.com' });
    expect(recordOf(gci[0] ?? {}).userIdentity).toMatchObject({
      type: 'IAMUser',
      userName: 'prod-developer',
      arn: `arn:aws:iam::${PROD}:user/prod-developer`,
    });
    const iam = (await lookup(attr('EventSource', 'iam.amazonaws.com'))).Events ?? [];
    expect(iam[0]).toMatchObject({ EventName: 'CreateUser', Username: 'admin', ReadOnly: 'false' });
    const session = (await lookup(attr('Username', 'lookup-test'), 'backup')).Events ?? [];
    expect(session[0]?.EventName).toBe('GetCallerIdentity');
    expect(recordOf(session[0] ?? {}).userIdentity).toMatchObject({
      type: 'AssumedRole',
      sessionContext: { sessionIssuer: { userName: 'BackupOperator' } },
    });
  });

  it('records LookupEvents itself as a read-only cloudtrail.amazonaws.com event', async () => {
    await lookup({ MaxResults: 1 }, 'prod', 'eu-west-1');
    const out = await lookup(attr('EventName', 'LookupEvents'), 'prod', 'eu-west-1');
    expect(out.Events?.[0]).toMatchObject({
      EventSource: 'cloudtrail.amazonaws.com',
      ReadOnly: 'true',
      Username: 'admin',
    });
    expect(recordOf(out.Events?.[0] ?? {})).toMatchObject({
      requestParameters: { maxResults: 1 },
      responseElements: null,
    });
  });

  it('shows the seeded AccessDenied attempts of prod-developer', async () => {
    const events = await all(attr('Username', 'prod-developer'));
    const denied = events.map(recordOf).filter((r) => r.errorCode === 'AccessDenied');
    expect(denied.map((r) => r.eventName).sort()).toEqual([
      'Decrypt',
      'Decrypt',
      'Decrypt',
      'PutKeyPolicy',
    ]);
    expect(denied[0]?.errorMessage).toMatch(/prod-developer is not authorized to perform: kms:/);
  });

  it('covers the last 90 days only', async () => {
    const [recent] = everything();
    const record = recordOf(recent ?? ({} as LookupEvent));
    const old = (days: number) => ({
      ...record,
      eventID: randomUUID(),
      eventTime: new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    const [day89, day91] = [old(89), old(91)];
    t.sandbox.runtime.trail.record(day89, day91);
    expect((await lookup(attr('EventId', day89.eventID))).Events).toHaveLength(1);
    expect((await lookup(attr('EventId', day91.eventID))).Events).toEqual([]);
  });

  it('is not throttled when the rate is off', async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, () => lookup({ MaxResults: 1 })));
    expect(burst).toHaveLength(10);
  });
});

describe('LookupEvents throttling (2 requests per second per account and region)', () => {
  let limited: TestSandbox;
  beforeAll(async () => {
    limited = await startTestSandbox();
  });
  afterAll(async () => {
    await limited.stop();
  });
  const client = (profile: string, region: string, maxAttempts = 1) =>
    new CloudTrailClient({ ...limited.client(profile, region), maxAttempts });

  it('answers ThrottlingException beyond the rate, per account and region', async () => {
    const c = client('prod', 'us-west-2');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => c.send(new LookupEventsCommand({ MaxResults: 1 }))),
    );
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures[0]).toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
    // Other accounts and regions have their own buckets.
    await client('prod', 'ap-southeast-2').send(new LookupEventsCommand({ MaxResults: 1 }));
    await client('backup', 'us-west-2').send(new LookupEventsCommand({ MaxResults: 1 }));
  });

  it('is retried by the SDK as throttling', async () => {
    const c = client('partner', 'us-east-1', 10);
    const out = await Promise.all(
      Array.from({ length: 4 }, () => c.send(new LookupEventsCommand({ MaxResults: 1 }))),
    );
    expect(Math.max(...out.map((o) => o.$metadata.attempts ?? 1))).toBeGreaterThan(1);
  });
});
