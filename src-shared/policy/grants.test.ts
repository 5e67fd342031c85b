import { describe, expect, it } from 'vitest';
import type { AuthorizationInput, PolicyDocument, RequestContext } from './types';
import { authorize } from './authorize';
import {
  OWNER,
  appSession,
  bob,
  carol,
  defaultKeyPolicy,
  iamPolicy,
  request,
} from './test-helpers';

function kms(
  req: RequestContext,
  keyPolicy: PolicyDocument,
  identityPolicies: readonly PolicyDocument[] = [],
  extra: Partial<AuthorizationInput> = {},
) {
  return authorize({
    request: req,
    resourceAccount: OWNER,
    identityPolicies,
    resourcePolicy: keyPolicy,
    resourcePolicyIsGatekeeper: true,
    ...extra,
  });
}

describe('authorize — grants', () => {
  const ownerOnly = defaultKeyPolicy();
  const ec = (pairs: Record<string, string>) =>
    Object.fromEntries(Object.entries(pairs).map(([k, v]) => [`kms:EncryptionContext:${k}`, v]));

  it('a grant lets its grantee call the listed operation without any policy', () => {
    const grants = [{ grantId: 'g1', granteePrincipal: bob.arn, operations: ['Decrypt'] }];
    expect(kms(request(bob, 'kms:Decrypt'), ownerOnly, [], { grants })).toMatchObject({
      allowed: true,
      via: 'grant',
    });
    expect(kms(request(bob, 'kms:Encrypt'), ownerOnly, [], { grants }).allowed).toBe(false);
  });

  it('a grant to a role covers its sessions', () => {
    const grants = [
      { grantId: 'g2', granteePrincipal: appSession.roleArn ?? '', operations: ['Encrypt'] },
    ];
    expect(kms(request(appSession, 'kms:Encrypt'), ownerOnly, [], { grants }).via).toBe('grant');
  });

  it('EncryptionContextSubset requires the listed pairs and tolerates extra ones', () => {
    const grants = [
      {
        grantId: 'g3',
        granteePrincipal: bob.arn,
        operations: ['Decrypt', 'DescribeKey'],
        constraints: { encryptionContextSubset: { Dept: 'Finance' } },
      },
    ];
    const decrypt = (pairs: Record<string, string>) =>
      kms(request(bob, 'kms:Decrypt', ec(pairs)), ownerOnly, [], { grants });
    expect(decrypt({ Dept: 'Finance', Project: 'x' }).allowed).toBe(true);
    expect(decrypt({ Dept: 'HR' }).allowed).toBe(false);
    expect(decrypt({}).allowed).toBe(false);
    expect(kms(request(bob, 'kms:DescribeKey'), ownerOnly, [], { grants }).allowed).toBe(true);
  });

  it('EncryptionContextEquals requires exactly the listed pairs', () => {
    const grants = [
      {
        grantId: 'g4',
        granteePrincipal: bob.arn,
        operations: ['Encrypt'],
        constraints: { encryptionContextEquals: { 'aws:ebs:id': 'vol-1' } },
      },
    ];
    const encrypt = (pairs: Record<string, string>) =>
      kms(request(bob, 'kms:Encrypt', ec(pairs)), ownerOnly, [], { grants });
    expect(encrypt({ 'aws:ebs:id': 'vol-1' }).allowed).toBe(true);
    expect(encrypt({ 'aws:ebs:id': 'vol-1', extra: 'y' }).allowed).toBe(false);
    expect(encrypt({ 'aws:ebs:id': 'vol-2' }).allowed).toBe(false);
  });

  it('EncryptionContextEquals counts a context key named __proto__ like any other', () => {
    const withProto = JSON.parse('{"__proto__":"tenant-a","Dept":"Finance"}') as Record<
      string,
      string
    >;
    const grants = [
      {
        grantId: 'g7',
        granteePrincipal: bob.arn,
        operations: ['Decrypt'],
        constraints: { encryptionContextEquals: withProto },
      },
    ];
    const decrypt = (pairs: Record<string, string>) =>
      kms(request(bob, 'kms:Decrypt', ec(pairs)), ownerOnly, [], { grants });
    expect(decrypt(withProto).allowed).toBe(true);
    expect(decrypt({ Dept: 'Finance' }).allowed).toBe(false);
  });

  it('grants are not consulted when a policy denies explicitly', () => {
    const grants = [{ grantId: 'g5', granteePrincipal: bob.arn, operations: ['Decrypt'] }];
    const result = kms(request(bob, 'kms:Decrypt'), ownerOnly, [iamPolicy('kms:*', '*', 'Deny')], {
      grants,
    });
    expect(result).toMatchObject({ allowed: false, decision: 'explicit-deny' });
  });

  it('a grant to a principal in another account is sufficient on its own (UNCONFIRMED in AWS)', () => {
    const grants = [{ grantId: 'g6', granteePrincipal: carol.arn, operations: ['Decrypt'] }];
    expect(kms(request(carol, 'kms:Decrypt'), ownerOnly, [], { grants }).via).toBe('grant');
  });
});
