import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey, demoKeyArn } from '../../seed/demo-keys';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

const P = '111111111111';
const B = '222222222222';
const DEV = `arn:aws:iam::${P}:user/prod-developer`;
const newKey = async (input = {}) =>
  (await kit.kms().send(new CreateKeyCommand(input))).KeyMetadata?.KeyId ?? '';

describe('grants', () => {
  it('creates, lists, retires and revokes grants', async () => {
    const KeyId = await newKey();
    const created = await kit.kms().send(
      new CreateGrantCommand({
        KeyId,
        GranteePrincipal: DEV,
        RetiringPrincipal: `arn:aws:iam::${P}:user/admin`,
        Operations: ['Decrypt', 'Encrypt'],
        Constraints: { EncryptionContextSubset: { app: 'web' } },
        Name: 'web',
      }),
    );
    expect(created.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(created.GrantToken).toBeTruthy();
    const again = await kit.kms().send(
      new CreateGrantCommand({
        KeyId,
        GranteePrincipal: DEV,
        RetiringPrincipal: `arn:aws:iam::${P}:user/admin`,
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextSubset: { app: 'web' } },
        Name: 'web',
      }),
    );
    expect(again.GrantId).toBe(created.GrantId);
    const list = await kit.kms().send(new ListGrantsCommand({ KeyId }));
    expect(list.Grants).toEqual([
      {
        KeyId: `arn:aws:kms:us-east-1:${P}:key/${KeyId}`,
        GrantId: created.GrantId,
        Name: 'web',
        CreationDate: expect.any(Date),
        GranteePrincipal: DEV,
        RetiringPrincipal: `arn:aws:iam::${P}:user/admin`,
        IssuingAccount: `arn:aws:iam::${P}:root`,
        Operations: ['Decrypt', 'Encrypt'],
        Constraints: { EncryptionContextSubset: { app: 'web' } },
      },
    ]);
    const retirable = await kit
      .kms()
      .send(new ListRetirableGrantsCommand({ RetiringPrincipal: `arn:aws:iam::${P}:user/admin` }));
    expect(retirable.Grants?.map((g) => g.GrantId)).toContain(created.GrantId);
    // The grant token works immediately, in GrantTokens of any call.
    await kit
      .kms()
      .send(new DescribeKeyCommand({ KeyId, GrantTokens: [created.GrantToken ?? ''] }));
    await kit.kms().send(new RetireGrantCommand({ GrantToken: created.GrantToken }));
    expect((await kit.kms().send(new ListGrantsCommand({ KeyId }))).Grants).toEqual([]);

    const second = await kit
      .kms()
      .send(new CreateGrantCommand({ KeyId, GranteePrincipal: DEV, Operations: ['Decrypt'] }));
    await kit.kms().send(new RevokeGrantCommand({ KeyId, GrantId: second.GrantId }));
    expect(
      (await errorOf(kit.kms().send(new RevokeGrantCommand({ KeyId, GrantId: second.GrantId }))))
        .name,
    ).toBe('NotFoundException');
    expect(
      (await errorOf(kit.kms().send(new RevokeGrantCommand({ KeyId, GrantId: 'bad' })))).name,
    ).toBe('InvalidGrantIdException');
  });

  it('validates grants and tokens', async () => {
    const KeyId = await newKey();
    const wrongOp = await errorOf(
      kit
        .kms()
        .send(new CreateGrantCommand({ KeyId, GranteePrincipal: DEV, Operations: ['Sign'] })),
    );
    expect(wrongOp.name).toBe('ValidationException');
    const dryRun = await errorOf(
      kit.kms().send(
        new CreateGrantCommand({
          KeyId,
          GranteePrincipal: DEV,
          Operations: ['Decrypt'],
          DryRun: true,
        }),
      ),
    );
    expect(dryRun.name).toBe('DryRunOperationException');
    expect((await kit.kms().send(new ListGrantsCommand({ KeyId }))).Grants).toEqual([]);
    const badToken = await errorOf(
      kit.kms().send(new DescribeKeyCommand({ KeyId, GrantTokens: ['garbage'] })),
    );
    expect(badToken.name).toBe('InvalidGrantTokenException');
    expect(
      (await errorOf(kit.kms().send(new RetireGrantCommand({ GrantToken: 'garbage' })))).name,
    ).toBe('InvalidGrantTokenException');
    await kit.kms().send(new DisableKeyCommand({ KeyId }));
    const disabled = await errorOf(
      kit
        .kms()
        .send(new CreateGrantCommand({ KeyId, GranteePrincipal: DEV, Operations: ['Decrypt'] })),
    );
    expect(disabled).toEqual({
      name: 'DisabledException',
      message: `arn:aws:kms:us-east-1:${P}:key/${KeyId} is disabled.`,
    });
  });

  it('lets a grantee use the key the policy and IAM do not open to it', async () => {
    const KeyId = await newKey();
    const { CiphertextBlob } = await kit
      .kms()
      .send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('secret') }));
    const dev = kit.kms('prod-developer');
    expect((await errorOf(dev.send(new DecryptCommand({ CiphertextBlob })))).name).toBe(
      'AccessDeniedException',
    );
    await kit
      .kms()
      .send(new CreateGrantCommand({ KeyId, GranteePrincipal: DEV, Operations: ['Decrypt'] }));
    const plain = await dev.send(new DecryptCommand({ CiphertextBlob }));
    expect(Buffer.from(plain.Plaintext ?? []).toString()).toBe('secret');
  });
});

describe('cross-account', () => {
  const ebs = demoKey('ebs-workloads');
  const legacy = demoKey('payments-legacy');

  it('lets backup describe and grant on ebs-workloads by ARN', async () => {
    const backup = kit.kms('backup');
    const d = await backup.send(new DescribeKeyCommand({ KeyId: demoKeyArn(ebs) }));
    expect(d.KeyMetadata).toMatchObject({ KeyId: ebs.keyId, AWSAccountId: P });
    const g = await backup.send(
      new CreateGrantCommand({
        KeyId: demoKeyArn(ebs),
        GranteePrincipal: `arn:aws:iam::${B}:role/BackupOperator`,
        Operations: ['Decrypt', 'DescribeKey'],
      }),
    );
    expect(g.GrantId).toMatch(/^[0-9a-f]{64}$/);
    const list = await kit.kms().send(new ListGrantsCommand({ KeyId: ebs.keyId }));
    expect(list.Grants?.find((x) => x.GrantId === g.GrantId)?.IssuingAccount).toBe(
      `arn:aws:iam::${B}:root`,
    );
    // GetKeyRotationStatus works across accounts, but this policy does not allow it.
    const rotation = await errorOf(
      backup.send(new GetKeyRotationStatusCommand({ KeyId: demoKeyArn(ebs) })),
    );
    expect(rotation.name).toBe('AccessDeniedException');
  });

  it('needs the key ARN: an alias name resolves in the caller account', async () => {
    const e = await errorOf(
      kit.kms('backup').send(new DescribeKeyCommand({ KeyId: 'alias/ebs-workloads' })),
    );
    expect(e.name).toBe('NotFoundException');
  });

  it('denies backup on a key whose policy does not name it', async () => {
    const backup = kit.kms('backup');
    const d = await errorOf(backup.send(new DescribeKeyCommand({ KeyId: demoKeyArn(legacy) })));
    expect(d).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${B}:user/admin is not authorized to perform: kms:DescribeKey on resource: ${demoKeyArn(legacy)} because no resource-based policy allows the kms:DescribeKey action`,
    });
    const g = await errorOf(
      backup.send(
        new CreateGrantCommand({
          KeyId: demoKeyArn(legacy),
          GranteePrincipal: `arn:aws:iam::${B}:root`,
          Operations: ['Decrypt'],
        }),
      ),
    );
    expect(g.name).toBe('AccessDeniedException');
  });

  it('lets prod use backup dr-backups-east by ARN', async () => {
    const dr = demoKey('dr-backups-east');
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: demoKeyArn(dr) }));
    expect(d.KeyMetadata?.AWSAccountId).toBe(B);
  });
});
