import {
  CreateKeyCommand,
  type CreateKeyCommandInput,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  PutKeyPolicyCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey, demoKeyArn } from '../../seed/demo-keys';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';
import { defaultKeyPolicy } from './policies';

let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit();
});
afterAll(async () => {
  await kit.t.stop();
});

const P = '111111111111';

describe('CreateKey', () => {
  it('creates a default symmetric key with the default policy', async () => {
    const { KeyMetadata: m } = await kit.kms().send(new CreateKeyCommand({ Description: 'hello' }));
    expect(m).toMatchObject({
      AWSAccountId: P,
      Description: 'hello',
      Enabled: true,
      KeyState: 'Enabled',
      KeySpec: 'SYMMETRIC_DEFAULT',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyManager: 'CUSTOMER',
      Origin: 'AWS_KMS',
      MultiRegion: false,
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    });
    expect(m?.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(m?.Arn).toBe(`arn:aws:kms:us-east-1:${P}:key/${m?.KeyId}`);
    expect(m?.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(m?.CreationDate).toBeInstanceOf(Date);
    const policy = await kit.kms().send(new GetKeyPolicyCommand({ KeyId: m?.KeyId }));
    expect(policy.Policy).toBe(defaultKeyPolicy(P));
    expect(policy.Policy).toContain('"Statement" : [ {');
    expect(policy.PolicyName).toBe('default');
    const names = await kit.kms().send(new ListKeyPoliciesCommand({ KeyId: m?.KeyId }));
    expect(names).toMatchObject({ PolicyNames: ['default'], Truncated: false });
  });

  it('creates every supported spec with its algorithms', async () => {
    const make = (input: CreateKeyCommandInput) =>
      kit
        .kms()
        .send(new CreateKeyCommand(input))
        .then((r) => r.KeyMetadata);
    expect(await make({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })).toMatchObject({
      SigningAlgorithms: [
        'RSASSA_PKCS1_V1_5_SHA_256',
        'RSASSA_PKCS1_V1_5_SHA_384',
        'RSASSA_PKCS1_V1_5_SHA_512',
        'RSASSA_PSS_SHA_256',
        'RSASSA_PSS_SHA_384',
        'RSASSA_PSS_SHA_512',
      ],
    });
    expect(await make({ KeySpec: 'RSA_2048' })).toMatchObject({
      KeyUsage: 'ENCRYPT_DECRYPT',
      EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
    });
    const hmac = await make({ KeySpec: 'HMAC_384', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect(hmac).toMatchObject({ MacAlgorithms: ['HMAC_SHA_384'] });
    expect(hmac?.CurrentKeyMaterialId).toBeUndefined();
    expect(await make({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'KEY_AGREEMENT' })).toMatchObject({
      KeyAgreementAlgorithms: ['ECDH'],
    });
    expect(await make({ KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'SIGN_VERIFY' })).toMatchObject({
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    const external = await make({ Origin: 'EXTERNAL' });
    expect(external).toMatchObject({
      KeyState: 'PendingImport',
      Enabled: false,
      Origin: 'EXTERNAL',
    });
    const mrk = await make({ MultiRegion: true, Tags: [{ TagKey: 'a', TagValue: 'b' }] });
    expect(mrk?.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(mrk?.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: 'PRIMARY',
      PrimaryKey: { Arn: mrk?.Arn, Region: 'us-east-1' },
      ReplicaKeys: [],
    });
  });

  it('rejects invalid combinations', async () => {
    const fail = (input: CreateKeyCommandInput) =>
      errorOf(kit.kms().send(new CreateKeyCommand(input)));
    expect((await fail({ KeySpec: 'HMAC_256' })).name).toBe('ValidationException');
    expect((await fail({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' })).name).toBe(
      'UnsupportedOperationException',
    );
    expect((await fail({ Origin: 'AWS_CLOUDHSM' })).name).toBe('UnsupportedOperationException');
    expect((await fail({ Origin: 'EXTERNAL_KEY_STORE' })).name).toBe(
      'UnsupportedOperationException',
    );
    expect((await fail({ KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048' })).name).toBe(
      'ValidationException',
    );
    expect(await fail({ Description: 'x'.repeat(8193) })).toEqual({
      name: 'ValidationException',
      message: expect.stringMatching(
        /^1 validation error detected: Value '.*' at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192$/,
      ),
    });
    expect((await fail({ Tags: [{ TagKey: 'aws:x', TagValue: 'y' }] })).name).toBe('TagException');
  });

  it('validates policies: grammar, principals, size, lockout', async () => {
    const fail = (Policy: string, bypass = false) =>
      errorOf(
        kit.kms().send(new CreateKeyCommand({ Policy, BypassPolicyLockoutSafetyCheck: bypass })),
      );
    expect((await fail('not json')).name).toBe('MalformedPolicyDocumentException');
    const stranger = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${P}:user/nobody` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    expect(await fail(stranger)).toEqual({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy contains a statement with one or more invalid principals.',
    });
    const lockout = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${P}:user/prod-developer` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    expect(await fail(lockout)).toEqual({
      name: 'MalformedPolicyDocumentException',
      message: 'The new key policy will not allow you to update the key policy in the future.',
    });
    const ok = await kit
      .kms()
      .send(new CreateKeyCommand({ Policy: lockout, BypassPolicyLockoutSafetyCheck: true }));
    expect(ok.KeyMetadata?.KeyState).toBe('Enabled');
    // The admin can no longer manage that key: the policy does not name the account.
    const locked = await errorOf(
      kit.kms().send(new PutKeyPolicyCommand({ KeyId: ok.KeyMetadata?.KeyId, Policy: lockout })),
    );
    expect(locked.name).toBe('AccessDeniedException');
    const huge = defaultKeyPolicy(P).replace(
      '"Enable IAM User Permissions"',
      `"${'x'.repeat(33_000)}"`,
    );
    expect((await fail(huge)).name).toBe('LimitExceededException');
  });
});

describe('DescribeKey / ListKeys', () => {
  it('describes by id, ARN, alias name and alias ARN', async () => {
    const app = demoKey('app-data');
    for (const KeyId of [
      app.keyId,
      demoKeyArn(app),
      'alias/app-data',
      `arn:aws:kms:us-east-1:${P}:alias/app-data`,
    ]) {
      const r = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
      expect(r.KeyMetadata?.KeyId).toBe(app.keyId);
    }
  });

  it('answers NotFoundException with AWS messages', async () => {
    const fail = (KeyId: string) => errorOf(kit.kms().send(new DescribeKeyCommand({ KeyId })));
    const id = '00000000-0000-4000-8000-000000000000';
    expect(await fail(id)).toEqual({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${P}:key/${id}' does not exist`,
    });
    expect(await fail('alias/nope')).toEqual({
      name: 'NotFoundException',
      message: `Alias arn:aws:kms:us-east-1:${P}:alias/nope is not found.`,
    });
    expect(await fail('allas/foo')).toEqual({
      name: 'NotFoundException',
      message: 'Invalid keyId allas/foo',
    });
    expect((await fail('arn:aws:kms:nowhere')).name).toBe('InvalidArnException');
  });

  it('finds no key by a key or alias ARN of another partition (the sandbox is aws)', async () => {
    const { keyId } = demoKey('app-data');
    const describeKey = (KeyId: string) =>
      errorOf(kit.kms().send(new DescribeKeyCommand({ KeyId })));
    for (const partition of ['aws-cn', 'aws-us-gov', 'aws-iso']) {
      const notFound = { name: 'NotFoundException', message: `Invalid arn ${partition}` };
      const arns = [
        `arn:${partition}:kms:us-east-1:${P}:key/${keyId}`,
        `arn:${partition}:kms:us-east-1:${P}:alias/app-data`,
      ];
      for (const KeyId of arns) {
        expect([KeyId, await describeKey(KeyId)]).toEqual([KeyId, notFound]);
        const encrypt = kit.kms().send(new EncryptCommand({ KeyId, Plaintext: Buffer.from('x') }));
        expect([KeyId, await errorOf(encrypt)]).toEqual([KeyId, notFound]);
      }
    }
  });

  it('pages ListKeys with Limit/Marker/Truncated', async () => {
    const first = await kit.kms().send(new ListKeysCommand({ Limit: 2 }));
    expect(first.Keys).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    const second = await kit
      .kms()
      .send(new ListKeysCommand({ Limit: 2, Marker: first.NextMarker }));
    expect(second.Keys?.[0]?.KeyId).not.toBe(first.Keys?.[0]?.KeyId);
    const all = await kit.kms().send(new ListKeysCommand({ Limit: 1000 }));
    expect(all.Truncated).toBe(false);
    expect(all.NextMarker).toBeUndefined();
    expect((await errorOf(kit.kms().send(new ListKeysCommand({ Marker: 'garbage' })))).name).toBe(
      'InvalidMarkerException',
    );
    expect((await errorOf(kit.kms().send(new ListKeysCommand({ Limit: 1001 })))).name).toBe(
      'ValidationException',
    );
  });
});

describe('UpdateKeyDescription / EnableKey / DisableKey', () => {
  it('updates and toggles a key', async () => {
    const { KeyMetadata: m } = await kit.kms().send(new CreateKeyCommand({}));
    const KeyId = m?.KeyId;
    await kit.kms().send(new UpdateKeyDescriptionCommand({ KeyId, Description: 'new' }));
    await kit.kms().send(new DisableKeyCommand({ KeyId }));
    await kit.kms().send(new DisableKeyCommand({ KeyId })); // idempotent
    let d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(d.KeyMetadata).toMatchObject({
      Description: 'new',
      KeyState: 'Disabled',
      Enabled: false,
    });
    await kit.kms().send(new EnableKeyCommand({ KeyId }));
    d = await kit.kms().send(new DescribeKeyCommand({ KeyId }));
    expect(d.KeyMetadata?.KeyState).toBe('Enabled');
    const alias = await errorOf(kit.kms().send(new EnableKeyCommand({ KeyId: 'alias/app-data' })));
    expect(alias.name).toBe('NotFoundException');
  });

  it('refuses EnableKey on a key pending import', async () => {
    const { KeyMetadata: m } = await kit.kms().send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));
    expect(await errorOf(kit.kms().send(new EnableKeyCommand({ KeyId: m?.KeyId })))).toEqual({
      name: 'KMSInvalidStateException',
      message: `${m?.Arn} is pending import.`,
    });
  });
});

describe('authorization', () => {
  it('denies prod-developer CreateKey and PutKeyPolicy', async () => {
    const dev = kit.kms('prod-developer');
    expect(await errorOf(dev.send(new CreateKeyCommand({})))).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${P}:user/prod-developer is not authorized to perform: kms:CreateKey on resource: * because no identity-based policy allows the kms:CreateKey action`,
    });
    const app = demoKey('app-data');
    const denied = await errorOf(
      dev.send(new PutKeyPolicyCommand({ KeyId: app.keyId, Policy: defaultKeyPolicy(P) })),
    );
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain(`kms:PutKeyPolicy on resource: ${demoKeyArn(app)}`);
    // prod-developer may describe keys (IAM kms:Describe* through the root statement).
    const d = await dev.send(new DescribeKeyCommand({ KeyId: 'alias/app-data' }));
    expect(d.KeyMetadata?.KeyId).toBe(app.keyId);
  });

  it('refuses admin operations on another account key', async () => {
    const vendor = demoKey('vendor-inbox');
    const e = await errorOf(kit.kms().send(new DisableKeyCommand({ KeyId: demoKeyArn(vendor) })));
    expect(e.name).toBe('AccessDeniedException');
  });
});
