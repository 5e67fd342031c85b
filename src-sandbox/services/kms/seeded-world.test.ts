import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetKeyLastUsageCommand,
  GetKeyPolicyCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmsSeeder } from '../../seed/kms';
import { DEMO_KEYS, demoKey } from '../../seed/demo-keys';
import { openDatabase } from '../../state/database';
import { DocumentStore } from '../../state/document-store';
import { awsCliFor } from '../../testing/aws-cli';
import { startKmsKit, type KmsKit } from './kms-test-kit';
import { KMS_KEY } from './model';

const P = '111111111111';
let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

describe('the seeded demo world', () => {
  it('lists the demo keys and aws/ebs in prod us-east-1', async () => {
    const keys = await kit.kms().send(new ListKeysCommand({}));
    const ids = keys.Keys?.map((k) => k.KeyId) ?? [];
    const expected = DEMO_KEYS.filter((k) => k.account === P && k.region === 'us-east-1');
    for (const k of expected) expect(ids).toContain(k.keyId);
    const ebs = await kit.kms().send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
    expect(ids).toContain(ebs.KeyMetadata?.KeyId);
    expect(ids).toHaveLength(expected.length + 1);
  });

  it('seeds states, specs and policies', async () => {
    const describe = async (name: string) =>
      (await kit.kms().send(new DescribeKeyCommand({ KeyId: demoKey(name).keyId }))).KeyMetadata;
    expect((await describe('retired-analytics'))?.KeyState).toBe('Disabled');
    expect(await describe('code-signing')).toMatchObject({
      KeySpec: 'RSA_3072',
      KeyUsage: 'SIGN_VERIFY',
    });
    expect(await describe('webhook-signing')).toMatchObject({ KeySpec: 'HMAC_256' });
    const policy = await kit
      .kms()
      .send(new GetKeyPolicyCommand({ KeyId: demoKey('ebs-workloads').keyId }));
    expect(policy.Policy).toContain('arn:aws:iam::222222222222:root');
    const backup = kit.kms('backup', 'us-west-2');
    const dr = await backup.send(new DescribeKeyCommand({ KeyId: 'alias/dr-backups' }));
    expect(dr.KeyMetadata?.KeyId).toBe(demoKey('dr-backups').keyId);
  });

  it('lets prod-developer encrypt with app-data (the key policy names it)', async () => {
    const dev = kit.kms('prod-developer');
    const r = await dev.send(
      new EncryptCommand({ KeyId: 'alias/app-data', Plaintext: Buffer.from('a') }),
    );
    expect(r.KeyId).toContain(demoKey('app-data').keyId);
  });

  it('reports the last cryptographic use', async () => {
    const { KeyMetadata: m } = await kit.kms().send(new CreateKeyCommand({}));
    const KeyId = m?.KeyId;
    const before = await kit.kms().send(new GetKeyLastUsageCommand({ KeyId }));
    expect(before).toMatchObject({ KeyId, KeyLastUsage: {} });
    expect(before.KeyCreationDate).toEqual(m?.CreationDate);
    const enc = await kit.kms().send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('a') }));
    const after = await kit.kms().send(new GetKeyLastUsageCommand({ KeyId }));
    expect(after.KeyLastUsage).toMatchObject({
      Operation: 'Encrypt',
      KmsRequestId: enc.$metadata.requestId,
      Timestamp: expect.any(Date),
    });
  });
});

describe('persistence', () => {
  it('keeps keys and aliases across a restart on the same data dir', async () => {
    const first = await startKmsKit();
    const { KeyMetadata: m } = await first
      .kms()
      .send(new CreateKeyCommand({ Description: 'kept' }));
    await first
      .kms()
      .send(new CreateAliasCommand({ AliasName: 'alias/kept', TargetKeyId: m?.KeyId }));
    await first.t.stop(false);
    const second = await startKmsKit({ dataDir: first.t.dataDir });
    try {
      const d = await second.kms().send(new DescribeKeyCommand({ KeyId: 'alias/kept' }));
      expect(d.KeyMetadata).toMatchObject({ KeyId: m?.KeyId, Description: 'kept' });
    } finally {
      await second.t.stop();
    }
  });
});

describe('--scale', () => {
  it('seeds 1,200 extra keys in under 2 seconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-kms-scale-'));
    const db = openDatabase(dir);
    try {
      const store = new DocumentStore(db);
      const tx = store.begin();
      const started = performance.now();
      kmsSeeder.seed({ tx, now: new Date(), scale: 100, recordEvent: () => undefined });
      tx.commit();
      const elapsed = performance.now() - started;
      expect(store.list(KMS_KEY, { account: P, region: 'eu-west-1' }).length).toBe(101);
      expect(elapsed).toBeLessThan(2000);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('AWS CLI', () => {
  it('lists keys and describes alias/app-data', { timeout: 60_000 }, async () => {
    const cli = await awsCliFor(kit.t);
    if (!cli) {
      console.log('skipping: aws CLI not available');
      return;
    }
    const aws = async (...args: string[]) =>
      JSON.parse(
        await cli(['--profile', 'prod', '--region', 'us-east-1', '--output', 'json', ...args]),
      ) as Record<string, unknown>;
    const keys = (await aws('kms', 'list-keys')).Keys as { KeyId: string }[];
    expect(keys.map((k) => k.KeyId)).toContain(demoKey('app-data').keyId);
    const d = (await aws('kms', 'describe-key', '--key-id', 'alias/app-data'))
      .KeyMetadata as Record<string, unknown>;
    expect(d).toMatchObject({
      KeyId: demoKey('app-data').keyId,
      KeyState: 'Enabled',
      KeyManager: 'CUSTOMER',
    });
  });
});
