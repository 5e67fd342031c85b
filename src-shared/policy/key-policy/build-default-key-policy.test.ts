import { describe, expect, it } from 'vitest';
import { OTHER, OWNER } from '../test-helpers';
import { buildDefaultKeyPolicy, type DefaultKeyPolicyOptions } from './build-default-key-policy';
import { parseKeyPolicyView } from './parse-key-policy-view';
import { ADMIN_ROLE, APP_ROLE, consoleDefaultPolicy, CONTEXT } from './test-fixtures';

const symmetric: DefaultKeyPolicyOptions = {
  accountId: OWNER,
  administrators: [ADMIN_ROLE],
  administratorsMayDelete: true,
  users: [APP_ROLE],
  otherAccounts: [OTHER],
  allowAttachment: true,
  keySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
};

function userActions(options: Partial<DefaultKeyPolicyOptions>): unknown {
  const policy = buildDefaultKeyPolicy({ ...symmetric, ...options });
  return (policy['Statement'] as { Sid: string; Action: unknown }[]).find(
    (statement) => statement.Sid === 'Allow use of the key',
  )?.Action;
}

describe('buildDefaultKeyPolicy', () => {
  it('writes what the console writes for a symmetric key', () => {
    expect(buildDefaultKeyPolicy(symmetric)).toEqual(consoleDefaultPolicy);
  });

  it('is fully understood by the visual editor', () => {
    const result = parseKeyPolicyView(buildDefaultKeyPolicy(symmetric), CONTEXT);
    expect(result.ok && result.view.sections.every((s) => s.kind !== 'not-understood')).toBe(true);
  });

  it.each([
    [
      'RSA_2048',
      'ENCRYPT_DECRYPT',
      ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:DescribeKey', 'kms:GetPublicKey'],
    ],
    [
      'ECC_NIST_P256',
      'SIGN_VERIFY',
      ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign', 'kms:Verify'],
    ],
    ['HMAC_256', 'GENERATE_VERIFY_MAC', ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac']],
    [
      'ECC_NIST_P384',
      'KEY_AGREEMENT',
      ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:DeriveSharedSecret'],
    ],
  ] as const)('gives key users of a %s %s key their actions', (keySpec, keyUsage, actions) => {
    expect(userActions({ keySpec, keyUsage })).toEqual(actions);
  });

  it('adds the attachment statement for symmetric encryption keys only', () => {
    const rsa = buildDefaultKeyPolicy({ ...symmetric, keySpec: 'RSA_2048' });
    expect(rsa['Statement']).toHaveLength(3);
  });

  it('leaves the deletion actions out when administrators may not delete', () => {
    const policy = buildDefaultKeyPolicy({ ...symmetric, administratorsMayDelete: false });
    const admin = (policy['Statement'] as { Action: string[] }[])[1];
    expect(admin?.Action).not.toContain('kms:ScheduleKeyDeletion');
    expect(admin?.Action).toContain('kms:Delete*');
  });

  it('adds import and multi-Region actions for such keys', () => {
    const policy = buildDefaultKeyPolicy({ ...symmetric, origin: 'EXTERNAL', multiRegion: true });
    const admin = (policy['Statement'] as { Action: string[] }[])[1];
    expect(admin?.Action.slice(-3)).toEqual([
      'kms:ImportKeyMaterial',
      'kms:ReplicateKey',
      'kms:UpdatePrimaryRegion',
    ]);
  });

  it('writes only the root statement without administrators and users', () => {
    const policy = buildDefaultKeyPolicy({
      ...symmetric,
      administrators: [],
      users: [],
      otherAccounts: [],
    });
    expect(policy['Statement']).toHaveLength(1);
  });
});
