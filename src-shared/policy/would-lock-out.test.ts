import { describe, expect, it } from 'vitest';
import { wouldLockOut } from './would-lock-out';
import {
  KEY_ARN,
  OWNER,
  alice,
  allowAll,
  appSession,
  bob,
  defaultKeyPolicy,
  iamPolicy,
  ownerRoot,
  policy,
} from './test-helpers';

describe('wouldLockOut', () => {
  it('false when the policy names the caller for kms:PutKeyPolicy (directly or via kms:Put*)', () => {
    const keyPolicy = policy({
      Statement: [allowAll({ AWS: appSession.roleArn }, ['kms:Put*', 'kms:Describe*'])],
    });
    expect(wouldLockOut(keyPolicy, appSession, KEY_ARN)).toBe(false);
  });

  it('true when the new policy leaves the caller without kms:PutKeyPolicy', () => {
    const keyPolicy = policy({
      Statement: [allowAll({ AWS: alice.arn }, ['kms:Encrypt', 'kms:Decrypt'])],
    });
    expect(wouldLockOut(keyPolicy, alice, KEY_ARN)).toBe(true);
    expect(wouldLockOut(keyPolicy, bob, KEY_ARN)).toBe(true);
  });

  it('true when the policy explicitly denies the caller kms:PutKeyPolicy', () => {
    const keyPolicy = policy({
      Statement: [
        allowAll({ AWS: alice.arn }),
        {
          Effect: 'Deny',
          Principal: { AWS: alice.arn },
          Action: 'kms:PutKeyPolicy',
          Resource: '*',
        },
      ],
    });
    expect(wouldLockOut(keyPolicy, alice, KEY_ARN)).toBe(true);
  });

  it('the default policy keeps the root in, and keeps users in when their IAM policy allows it', () => {
    expect(wouldLockOut(defaultKeyPolicy(), ownerRoot, KEY_ARN)).toBe(false);
    expect(wouldLockOut(defaultKeyPolicy(), alice, KEY_ARN)).toBe(false);
    const withIam = { identityPolicies: [iamPolicy('kms:PutKeyPolicy')] };
    expect(wouldLockOut(defaultKeyPolicy(), alice, KEY_ARN, withIam)).toBe(false);
    expect(
      wouldLockOut(defaultKeyPolicy(), alice, KEY_ARN, {
        identityPolicies: [iamPolicy('kms:Encrypt')],
      }),
    ).toBe(true);
  });

  it('a policy for another account’s root locks the owner out', () => {
    expect(wouldLockOut(defaultKeyPolicy('999999999999'), ownerRoot, KEY_ARN)).toBe(true);
    expect(ownerRoot.account).toBe(OWNER);
  });
});
