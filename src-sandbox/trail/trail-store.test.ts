import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../identity/caller';
import type { SqliteDatabase } from '../../src-node/sqlite/open-database';
import { openDatabase } from '../state/database';
import { buildRecord, userIdentityOf } from './build-record';
import { TrailStore } from './trail-store';
import type { CloudTrailRecord } from './types';

const alice: Caller = {
  kind: 'user',
  account: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/alice',
  userId: 'AIDAEXAMPLEEXAMPLE12',
  userName: 'alice',
  accessKeyId: 'AKIASANDBOXALICE2345',
  temporary: false,
  mfaAuthenticated: false,
};
const session: Caller = {
  kind: 'assumed-role',
  account: '111111111111',
  arn: 'arn:aws:sts::111111111111:assumed-role/Ops/night-shift',
  userId: 'AROAEXAMPLEEXAMPLE12:night-shift',
  role: { name: 'Ops', arn: 'arn:aws:iam::111111111111:role/Ops', id: 'AROAEXAMPLEEXAMPLE12' },
  sessionName: 'night-shift',
  accessKeyId: 'ASIASANDBOXSESSION23',
  temporary: true,
  mfaAuthenticated: true,
  sessionIssuedAt: '2024-01-15T09:00:00Z',
};
const KEY = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

let dir: string;
let db: SqliteDatabase;
let trail: TrailStore;
const records: CloudTrailRecord[] = [];
const base = Date.parse('2024-01-15T00:00:00Z');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyward-trail-'));
  db = openDatabase(dir);
  trail = new TrailStore(db);
  for (let i = 0; i < 120; i++) {
    const caller = i % 3 === 0 ? session : alice;
    records.push(
      buildRecord({
        userIdentity: userIdentityOf(caller),
        eventTime: new Date(base + i * 60_000),
        eventSource: i % 2 === 0 ? 'kms.amazonaws.com' : 'ec2.amazonaws.com',
        eventName: i % 2 === 0 ? 'Decrypt' : 'DescribeSnapshots',
        awsRegion: i % 10 === 9 ? 'eu-west-1' : 'us-east-1',
        sourceIPAddress: '127.0.0.1',
        userAgent: 'test',
        recipientAccountId: '111111111111',
        readOnly: i % 4 !== 1,
        requestID: `req-${i}`,
        ...(i % 2 === 0
          ? { resources: [{ accountId: '111111111111', type: 'AWS::KMS::Key', ARN: KEY }] }
          : {}),
      }),
    );
  }
  trail.record(...records);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = { account: '111111111111', region: 'us-east-1', limit: 50 };

describe('TrailStore', () => {
  it('pages newest first with a NextToken bound to the query', () => {
    const first = trail.query({ ...q, limit: 50 });
    expect(first.events).toHaveLength(50);
    const times = first.events.map((e) => e.EventTime.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const pages = [first];
    while (pages.at(-1)?.nextToken)
      pages.push(trail.query({ ...q, nextToken: pages.at(-1)?.nextToken }));
    expect(pages.flatMap((p) => p.events)).toHaveLength(108);
    expect(() =>
      trail.query({
        ...q,
        attribute: { key: 'EventName', value: 'Decrypt' },
        nextToken: first.nextToken,
      }),
    ).toThrow(/Invalid NextToken/);
  });

  it('filters by every lookup attribute and by time', () => {
    const count = (attribute: Parameters<TrailStore['query']>[0]['attribute']) =>
      trail.query({ ...q, limit: 500, attribute }).events.length;
    const mine = records.filter((r) => r.awsRegion === 'us-east-1');
    const expected = (f: (r: CloudTrailRecord) => boolean) => mine.filter(f).length;
    expect(count({ key: 'EventName', value: 'Decrypt' })).toBe(
      expected((r) => r.eventName === 'Decrypt'),
    );
    expect(count({ key: 'EventSource', value: 'ec2.amazonaws.com' })).toBe(
      expected((r) => r.eventSource === 'ec2.amazonaws.com'),
    );
    expect(count({ key: 'ResourceName', value: KEY })).toBe(
      expected((r) => r.resources?.[0]?.ARN === KEY),
    );
    expect(count({ key: 'ResourceType', value: 'AWS::KMS::Key' })).toBe(
      expected((r) => r.resources !== undefined),
    );
    expect(count({ key: 'Username', value: 'night-shift' })).toBe(
      expected((r) => r.userIdentity.type === 'AssumedRole'),
    );
    expect(count({ key: 'AccessKeyId', value: 'AKIASANDBOXALICE2345' })).toBe(
      expected((r) => r.userIdentity.userName === 'alice'),
    );
    expect(count({ key: 'ReadOnly', value: 'false' })).toBe(expected((r) => !r.readOnly));
    const one = trail.query({ ...q, limit: 1 }).events[0];
    expect(count({ key: 'EventId', value: one?.EventId ?? '' })).toBe(1);
    const window = trail.query({
      ...q,
      limit: 500,
      start: new Date(base),
      end: new Date(base + 9 * 60_000),
    });
    expect(window.events).toHaveLength(9); // i = 0..9 minus i = 9 (eu-west-1)
  });

  it('returns LookupEvents-shaped entries', () => {
    const e = trail.query({
      ...q,
      limit: 500,
      attribute: { key: 'Username', value: 'night-shift' },
    }).events[0];
    expect(e).toMatchObject({ Username: 'night-shift', AccessKeyId: 'ASIASANDBOXSESSION23' });
    expect(e?.ReadOnly).toMatch(/^(true|false)$/);
    const record = JSON.parse(e?.CloudTrailEvent ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({
      eventVersion: '1.08',
      userIdentity: {
        type: 'AssumedRole',
        sessionContext: {
          attributes: { mfaAuthenticated: 'true' },
          sessionIssuer: { userName: 'Ops' },
        },
      },
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
    });
  });
  it('returns an event naming a resource twice once, and pages resource lookups', () => {
    const other = 'arn:aws:kms:us-east-1:111111111111:key/0000aaaa-12ab-34cd-56ef-1234567890ab';
    const twoKeys = buildRecord({
      userIdentity: userIdentityOf(alice),
      eventTime: new Date(base + 500 * 60_000),
      eventSource: 'kms.amazonaws.com',
      eventName: 'ReEncrypt',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      userAgent: 'test',
      recipientAccountId: '111111111111',
      readOnly: true,
      resources: [
        { accountId: '111111111111', type: 'AWS::KMS::Key', ARN: KEY },
        { accountId: '111111111111', type: 'AWS::KMS::Key', ARN: other },
      ],
    });
    trail.record(twoKeys);
    const attribute = { key: 'ResourceType' as const, value: 'AWS::KMS::Key' };
    const pages = [trail.query({ ...q, limit: 7, attribute })];
    while (pages.at(-1)?.nextToken)
      pages.push(trail.query({ ...q, limit: 7, attribute, nextToken: pages.at(-1)?.nextToken }));
    const ids = pages.flatMap((p) => p.events.map((e) => e.EventId));
    expect(ids[0]).toBe(twoKeys.eventID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(
      1 + records.filter((r) => r.awsRegion === 'us-east-1' && r.resources).length,
    );
  });
});
