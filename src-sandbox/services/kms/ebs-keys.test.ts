import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../identity/caller';
import { demoKey, demoKeyArn } from '../../seed/demo-keys';
import { identitySeeder } from '../../seed/identities';
import { kmsSeeder } from '../../seed/kms';
import type { SqliteDatabase } from '../../../src-node/sqlite/open-database';
import { openDatabase } from '../../state/database';
import { DocumentStore } from '../../state/document-store';
import { createServiceContext } from '../service-context';
import { awsManagedEbsKey, ec2UseKey, resolveKeyForEc2 } from './ebs-keys';
import { kmsService } from './index';

const P = '111111111111';
const B = '222222222222';
let dir: string;
let db: SqliteDatabase;
let store: DocumentStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyward-ebs-keys-'));
  db = openDatabase(dir);
  store = new DocumentStore(db);
  const tx = store.begin();
  for (const seeder of [identitySeeder, kmsSeeder]) {
    seeder.seed({ tx, now: new Date(), scale: 0, recordEvent: () => undefined });
  }
  tx.commit();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = (account: string): Caller => ({
  kind: 'user',
  account,
  arn: `arn:aws:iam::${account}:user/admin`,
  userId: 'AIDAEXAMPLE',
  accessKeyId: 'AKIAEXAMPLE',
  userName: 'admin',
  temporary: false,
  mfaAuthenticated: false,
});

/** A context like the one the EC2 service gets for a call by `caller` in `region`. */
function context(caller: Caller, region = 'us-east-1') {
  return createServiceContext({
    service: kmsService,
    operation: 'CopySnapshot',
    caller,
    region,
    scope: { account: caller.account, region },
    requestId: 'req-1',
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    store: store.begin(),
    now: () => new Date(),
  });
}

describe('ebs-keys', () => {
  it('creates aws/ebs once per account and region', () => {
    const { ctx } = context(admin(B), 'us-west-2');
    const first = awsManagedEbsKey(ctx, B, 'us-west-2');
    const second = awsManagedEbsKey(ctx, B, 'us-west-2');
    expect(second).toEqual(first);
    expect(first.arn).toBe(`arn:aws:kms:us-west-2:${B}:key/${first.keyId}`);
    expect(resolveKeyForEc2(ctx, 'alias/aws/ebs', 'us-west-2')).toMatchObject({
      keyManager: 'AWS',
      keyId: first.keyId,
      keyState: 'Enabled',
    });
  });

  it('resolves KmsKeyId forms as EC2 does', () => {
    const { ctx } = context(admin(P));
    const ebs = demoKey('ebs-workloads');
    for (const ref of [
      ebs.keyId,
      demoKeyArn(ebs),
      'alias/ebs-workloads',
      `arn:aws:kms:us-east-1:${P}:alias/ebs-workloads`,
    ]) {
      expect(resolveKeyForEc2(ctx, ref, 'us-east-1')).toMatchObject({
        arn: demoKeyArn(ebs),
        keyManager: 'CUSTOMER',
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
      });
    }
    expect(resolveKeyForEc2(ctx, 'alias/nope', 'us-east-1')).toBeUndefined();
    expect(resolveKeyForEc2(ctx, 'garbage', 'us-east-1')).toBeUndefined();
    expect(resolveKeyForEc2(ctx, ebs.keyId, 'eu-west-1')).toBeUndefined();
  });

  it('lets backup use ebs-workloads through EC2 and records the calls in both accounts', () => {
    const { ctx, event } = context(admin(B));
    const ops = ['DescribeKey', 'CreateGrant', 'Decrypt', 'ReEncryptFrom'] as const;
    expect(ec2UseKey(ctx, demoKeyArn(demoKey('ebs-workloads')), ops, 'us-east-1')).toEqual({
      ok: true,
    });
    expect(event.extras).toHaveLength(ops.length * 2);
    expect(event.extras[0]).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      eventName: 'DescribeKey',
      recipientAccountId: B,
      userIdentity: { arn: `arn:aws:iam::${B}:user/admin`, invokedBy: 'ec2.amazonaws.com' },
    });
    expect(event.extras[1]?.recipientAccountId).toBe(P);
  });

  it('denies a key whose policy does not name the caller, and another account aws/ebs', () => {
    const { ctx, event } = context(admin(B));
    const denied = ec2UseKey(
      ctx,
      demoKeyArn(demoKey('payments-legacy')),
      ['DescribeKey'],
      'us-east-1',
    );
    expect(denied).toMatchObject({ ok: false, code: 'AccessDeniedException' });
    expect(event.extras[0]?.errorCode).toBe('AccessDeniedException');
    const prod = context(admin(P)).ctx;
    const ebs = awsManagedEbsKey(prod, P, 'us-east-1');
    expect(
      ec2UseKey(prod, ebs.arn, ['GenerateDataKeyWithoutPlaintext', 'CreateGrant'], 'us-east-1'),
    ).toEqual({
      ok: true,
    });
    expect(ec2UseKey(ctx, ebs.arn, ['Decrypt'], 'us-east-1')).toMatchObject({
      ok: false,
      code: 'AccessDeniedException',
    });
  });

  it('refuses disabled keys with the KMS state error', () => {
    const { ctx } = context(admin(P));
    const retired = demoKey('retired-analytics');
    expect(ec2UseKey(ctx, demoKeyArn(retired), ['Decrypt'], 'us-east-1')).toEqual({
      ok: false,
      code: 'DisabledException',
      message: `${demoKeyArn(retired)} is disabled.`,
    });
    expect(ec2UseKey(ctx, demoKeyArn(retired), ['DescribeKey'], 'us-east-1')).toEqual({ ok: true });
  });
});
