import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_KEY, IAM_ROLE, IAM_USER } from '../identity/model';
import { KMS_KEY } from '../services/kms/model';
import { eventTimeOf } from '../trail/build-record';
import type { SqliteDatabase } from '../../src-node/sqlite/open-database';
import { openDatabase } from '../state/database';
import { GLOBAL_REGION } from '../state/store-types';
import { DocumentStore } from '../state/document-store';
import type { CloudTrailRecord } from '../trail/types';
import { demoKey, demoKeyArn } from './demo-keys';
import { BACKUP_ACCOUNT, PARTNER_ACCOUNT, PROD_ACCOUNT } from './demo-world';
import { identitySeeder } from './identities';
import { kmsSeeder } from './kms';
import { seedWorld, SEEDERS } from './index';
import { generateTrailHistory, TRAIL_HISTORY_DAYS, trailHistorySeeder } from './trail-history';
import { TrailStore } from '../trail/trail-store';

const NOW = new Date('2026-03-01T12:00:00Z');
let dir: string;
let db: SqliteDatabase;
let store: DocumentStore;
let records: CloudTrailRecord[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyward-history-'));
  db = openDatabase(dir);
  store = new DocumentStore(db);
  seedWorld(store, new TrailStore(db), { now: NOW, seeders: [identitySeeder, kmsSeeder] });
  records = generateTrailHistory(store.begin(), NOW);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (f: (r: CloudTrailRecord) => boolean) => records.filter(f).length;

describe('seeded CloudTrail history', () => {
  it('is registered last among the seeders', () => {
    expect(SEEDERS.at(-1)).toBe(trailHistorySeeder);
  });

  it('holds about 5,000 events over the last 30 days, deterministically', () => {
    expect(records.length).toBe(5357);
    const times = records.map((r) => Date.parse(r.eventTime));
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(
      NOW.getTime() - (TRAIL_HISTORY_DAYS + 1) * 86_400_000,
    );
    const again = generateTrailHistory(store.begin(), NOW);
    expect(again.map((r) => [r.eventID, r.eventTime, r.eventName])).toEqual(
      records.map((r) => [r.eventID, r.eventTime, r.eventName]),
    );
    expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
  });

  it('covers the three accounts and the demo regions', () => {
    const where = new Set(records.map((r) => `${r.recipientAccountId}/${r.awsRegion}`));
    for (const w of [
      `${PROD_ACCOUNT}/us-east-1`,
      `${PROD_ACCOUNT}/us-west-2`,
      `${PROD_ACCOUNT}/eu-west-1`,
      `${PROD_ACCOUNT}/ap-southeast-2`,
      `${BACKUP_ACCOUNT}/us-west-2`,
      `${BACKUP_ACCOUNT}/us-east-1`,
      `${PARTNER_ACCOUNT}/us-east-1`,
    ])
      expect(where).toContain(w);
  });

  it('uses documentation addresses or service names as source IPs', () => {
    for (const r of records) {
      expect(r.sourceIPAddress).toMatch(
        /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$|amazonaws\.com$|^AWS Internal$/,
      );
    }
  });

  it('uses the seeded ids and access key of prod-developer', () => {
    const scope = { account: PROD_ACCOUNT, region: GLOBAL_REGION };
    const user = store.begin().get(IAM_USER, scope, 'prod-developer');
    const key = store
      .begin()
      .list(ACCESS_KEY, scope)
      .find((k) => k.userName === 'prod-developer');
    const devEvents = records.filter((r) => r.userIdentity.userName === 'prod-developer');
    expect(devEvents.length).toBeGreaterThan(50);
    for (const r of devEvents) {
      expect(r.userIdentity).toMatchObject({
        principalId: user?.userId,
        accessKeyId: key?.accessKeyId,
      });
    }
  });

  it('contains the prod-developer AccessDenied attempts on app-data', () => {
    const denied = records.filter((r) => r.errorCode === 'AccessDenied');
    expect(denied.map((r) => r.eventName).sort()).toEqual([
      'Decrypt',
      'Decrypt',
      'Decrypt',
      'PutKeyPolicy',
    ]);
    for (const r of denied) {
      expect(r.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'prod-developer' });
      expect(r.resources?.[0]?.ARN).toBe(demoKeyArn(demoKey('app-data')));
      expect(r.errorMessage).toMatch(/is not authorized to perform: kms:/);
      expect(r.responseElements).toBeNull();
    }
  });

  it('has the key lifecycle stories', () => {
    const on = (name: string, key: string) =>
      records.filter(
        (r) => r.eventName === name && r.resources?.[0]?.ARN === demoKeyArn(demoKey(key)),
      );
    expect(on('ScheduleKeyDeletion', 'old-reporting')).toHaveLength(1);
    expect(on('DisableKey', 'retired-analytics')).toHaveLength(1);
    const rotations = records.filter((r) => r.eventName === 'RotateKey');
    expect(rotations).toHaveLength(5);
    // On the dates the KMS seeder gave each key's automatic rotation.
    const automatic = store
      .listAll(KMS_KEY)
      .flatMap(({ value: k }) =>
        k.multiRegion && k.multiRegion.primaryRegion !== k.region
          ? []
          : k.rotations
              .filter((r) => r.type === 'AUTOMATIC' && r.date > NOW.getTime() - 30 * 86_400_000)
              .map((r) => `${k.arn} ${eventTimeOf(new Date(r.date))}`),
      );
    expect(rotations.map((r) => `${r.resources?.[0]?.ARN} ${r.eventTime}`).sort()).toEqual(
      automatic.sort(),
    );
    for (const r of rotations) {
      expect(r).toMatchObject({
        eventType: 'AwsServiceEvent',
        userIdentity: { invokedBy: 'AWS Internal' },
        requestParameters: null,
        serviceEventDetails: { keyId: expect.any(String) },
      });
    }
    expect(on('CreateGrant', 'ebs-workloads').length).toBe(60);
    expect(on('CreateGrant', 'ebs-workloads')[0]?.userIdentity.invokedBy).toBe('ec2.amazonaws.com');
  });

  it('has the nightly cross-account copy: AssumeRole, CopySnapshot and shared KMS events', () => {
    const assume = records.filter((r) => r.eventName === 'AssumeRole');
    expect(
      count((r) => r.eventName === 'AssumeRole' && r.recipientAccountId === BACKUP_ACCOUNT),
    ).toBe(TRAIL_HISTORY_DAYS);
    expect(assume.length).toBe(2 * TRAIL_HISTORY_DAYS);
    expect(count((r) => r.eventName === 'CopySnapshot')).toBe(3 * TRAIL_HISTORY_DAYS);
    expect(count((r) => r.eventName === 'CreateSnapshot')).toBe(3 * TRAIL_HISTORY_DAYS);
    const crossDecrypts = records.filter(
      (r) =>
        r.eventName === 'Decrypt' && r.userIdentity.accountId === BACKUP_ACCOUNT && r.sharedEventID,
    );
    expect(crossDecrypts.length).toBe(2 * 3 * TRAIL_HISTORY_DAYS);
    expect(new Set(crossDecrypts.map((r) => r.recipientAccountId))).toEqual(
      new Set([BACKUP_ACCOUNT, PROD_ACCOUNT]),
    );
  });

  it('invokedBy services appear for S3 and EC2 calls', () => {
    expect(count((r) => r.userIdentity.invokedBy === 's3.amazonaws.com')).toBe(400);
    expect(count((r) => r.userIdentity.invokedBy === 'ec2.amazonaws.com')).toBeGreaterThan(200);
  });

  it('names only roles that exist in IAM, with their role ids', () => {
    const issuers = new Map<string, string>();
    for (const r of records) {
      const issuer = r.userIdentity.sessionContext?.sessionIssuer;
      if (issuer?.arn !== undefined && !issuer.arn.includes(':role/aws:')) {
        issuers.set(issuer.arn, issuer.principalId ?? '');
      }
    }
    expect(issuers.size).toBeGreaterThanOrEqual(6);
    for (const [arn, principalId] of issuers) {
      const [, , , , account = '', resource = ''] = arn.split(':');
      const name = resource.replace(/^role\//, '');
      const role = store.get(IAM_ROLE, { account, region: GLOBAL_REGION }, name.toLowerCase());
      expect(role?.arn, arn).toBe(arn);
      expect(role?.roleId).toBe(principalId);
    }
  });
});
