import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  ListAliasesCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../seed/demo-keys';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

const P = '111111111111';
const newKey = async (input = {}) =>
  (await kit.kms().send(new CreateKeyCommand(input))).KeyMetadata?.KeyId ?? '';

describe('aliases', () => {
  it('creates, lists per key, updates and deletes an alias', async () => {
    const a = await newKey();
    const b = await newKey();
    await kit.kms().send(new CreateAliasCommand({ AliasName: 'alias/team/one', TargetKeyId: a }));
    const mine = await kit.kms().send(new ListAliasesCommand({ KeyId: a }));
    expect(mine.Aliases).toEqual([
      {
        AliasName: 'alias/team/one',
        AliasArn: `arn:aws:kms:us-east-1:${P}:alias/team/one`,
        TargetKeyId: a,
        CreationDate: expect.any(Date),
        LastUpdatedDate: expect.any(Date),
      },
    ]);
    expect(mine.Truncated).toBe(false);
    await kit.kms().send(new UpdateAliasCommand({ AliasName: 'alias/team/one', TargetKeyId: b }));
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: 'alias/team/one' }));
    expect(d.KeyMetadata?.KeyId).toBe(b);
    await kit.kms().send(new DeleteAliasCommand({ AliasName: 'alias/team/one' }));
    expect((await kit.kms().send(new ListAliasesCommand({ KeyId: b }))).Aliases).toEqual([]);
    expect(
      await errorOf(kit.kms().send(new DeleteAliasCommand({ AliasName: 'alias/team/one' }))),
    ).toEqual({
      name: 'NotFoundException',
      message: `Alias arn:aws:kms:us-east-1:${P}:alias/team/one is not found.`,
    });
  });

  it('enforces alias rules', async () => {
    const key = await newKey();
    const create = (AliasName: string, TargetKeyId = key) =>
      errorOf(kit.kms().send(new CreateAliasCommand({ AliasName, TargetKeyId })));
    expect((await create('alias/app-data')).name).toBe('AlreadyExistsException');
    expect((await create('alias/aws/mine')).name).toBe('NotAuthorizedException');
    expect((await create('no-prefix')).name).toBe('ValidationException');
    expect((await create('alias/with space')).name).toBe('InvalidAliasNameException');
    expect((await create('alias/x', '00000000-0000-4000-8000-000000000000')).name).toBe(
      'NotFoundException',
    );
    const rsa = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    await kit.kms().send(new CreateAliasCommand({ AliasName: 'alias/sym', TargetKeyId: key }));
    const mismatch = await errorOf(
      kit.kms().send(new UpdateAliasCommand({ AliasName: 'alias/sym', TargetKeyId: rsa })),
    );
    expect(mismatch.name).toBe('ValidationException');
    const doomed = await newKey();
    await kit.kms().send(new ScheduleKeyDeletionCommand({ KeyId: doomed }));
    expect((await create('alias/late', doomed)).name).toBe('KMSInvalidStateException');
  });

  it('lists the demo aliases and the AWS managed ones', async () => {
    const all = await kit.kms().send(new ListAliasesCommand({ Limit: 100 }));
    const names = all.Aliases?.map((a) => a.AliasName) ?? [];
    for (const k of DEMO_KEYS.filter((d) => d.account === P && d.region === 'us-east-1')) {
      expect(names).toContain(k.alias);
    }
    const ebs = all.Aliases?.find((a) => a.AliasName === 'alias/aws/ebs');
    expect(ebs?.TargetKeyId).toBeDefined();
    const s3 = all.Aliases?.find((a) => a.AliasName === 'alias/aws/s3');
    expect(s3).toEqual({
      AliasName: 'alias/aws/s3',
      AliasArn: `arn:aws:kms:us-east-1:${P}:alias/aws/s3`,
    });
    const page = await kit.kms().send(new ListAliasesCommand({ Limit: 2 }));
    expect(page.Aliases).toHaveLength(2);
    expect(page.Truncated).toBe(true);
    const next = await kit
      .kms()
      .send(new ListAliasesCommand({ Limit: 2, Marker: page.NextMarker }));
    expect(next.Aliases?.[0]?.AliasName).toBe(names[2]);
    const tooMany = await errorOf(kit.kms().send(new ListAliasesCommand({ Limit: 101 })));
    expect(tooMany.name).toBe('ValidationException');
  });

  it('creates the AWS managed key when DescribeKey names its alias', async () => {
    const d = await kit.kms().send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(d.KeyMetadata).toMatchObject({ KeyManager: 'AWS', KeyState: 'Enabled' });
    const ebs = await kit.kms().send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
    expect(ebs.KeyMetadata).toMatchObject({
      KeyManager: 'AWS',
      Description: 'Default key that protects my EBS volumes when no other key is defined',
    });
    const tag = await errorOf(
      kit.kms().send(
        new TagResourceCommand({
          KeyId: ebs.KeyMetadata?.KeyId,
          Tags: [{ TagKey: 'a', TagValue: 'b' }],
        }),
      ),
    );
    expect(tag.name).toBe('AccessDeniedException');
  });
});

describe('tags', () => {
  it('tags, replaces, lists and untags', async () => {
    const KeyId = await newKey({ Tags: [{ TagKey: 'Team', TagValue: 'a' }] });
    await kit.kms().send(
      new TagResourceCommand({
        KeyId,
        Tags: [
          { TagKey: 'Team', TagValue: 'b' },
          { TagKey: 'Env', TagValue: 'dev' },
        ],
      }),
    );
    let tags = await kit.kms().send(new ListResourceTagsCommand({ KeyId }));
    expect(tags.Tags).toEqual([
      { TagKey: 'Team', TagValue: 'b' },
      { TagKey: 'Env', TagValue: 'dev' },
    ]);
    expect(tags.Truncated).toBe(false);
    await kit.kms().send(new UntagResourceCommand({ KeyId, TagKeys: ['Team', 'missing'] }));
    tags = await kit.kms().send(new ListResourceTagsCommand({ KeyId }));
    expect(tags.Tags).toEqual([{ TagKey: 'Env', TagValue: 'dev' }]);
  });

  it('rejects reserved keys and more than 50 tags', async () => {
    const KeyId = await newKey();
    const reserved = await errorOf(
      kit.kms().send(new TagResourceCommand({ KeyId, Tags: [{ TagKey: 'aws:x', TagValue: '' }] })),
    );
    expect(reserved.name).toBe('TagException');
    const tags = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({ TagKey: `k${from + i}`, TagValue: 'v' }));
    await kit.kms().send(new TagResourceCommand({ KeyId, Tags: tags(48) }));
    const over = await errorOf(
      kit.kms().send(new TagResourceCommand({ KeyId, Tags: tags(3, 100) })),
    );
    expect(over.name).toBe('LimitExceededException');
    const page = await kit.kms().send(new ListResourceTagsCommand({ KeyId, Limit: 10 }));
    expect(page.Tags).toHaveLength(10);
    expect(page.Truncated).toBe(true);
  });
});
