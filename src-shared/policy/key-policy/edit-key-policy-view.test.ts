import { describe, expect, it } from 'vitest';
import { OTHER, OWNER } from '../test-helpers';
import { describeKeyPolicyView } from './describe-key-policy-view';
import {
  addAdministrator,
  removeAdministrator,
  setAdministratorsMayDelete,
} from './edit-administrators';
import {
  addKeyUser,
  addOtherAccount,
  removeKeyUser,
  removeOtherAccount,
  setAllowAttachment,
} from './edit-key-users';
import { addServicePrincipal, removeServicePrincipal } from './edit-service-principals';
import { emitKeyPolicy } from './emit-key-policy';
import type { KeyPolicyView } from './key-policy-view';
import { parseKeyPolicyView } from './parse-key-policy-view';
import { parsePolicy } from '../parse-policy';
import {
  ADMIN_ROLE,
  APP_ROLE,
  awsDefaultPolicy,
  consoleDefaultPolicy,
  CONTEXT,
  handEditedPolicy,
} from './test-fixtures';

const BOB = `arn:aws:iam::${OWNER}:user/bob`;

function view(document: unknown): KeyPolicyView {
  const result = parseKeyPolicyView(document, CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.view;
}

function statements(edited: KeyPolicyView): unknown[] {
  const emitted = emitKeyPolicy(edited);
  expect(parsePolicy(emitted, 'resource').ok).toBe(true);
  return emitted['Statement'] as unknown[];
}

/** Every statement the editor did not understand is still there, unchanged and in order. */
function expectUnknownKept(
  edited: KeyPolicyView,
  document: { Statement: readonly unknown[] },
): void {
  const before = view(document).sections.filter((s) => s.kind === 'not-understood');
  const after = statements(edited).filter((statement) => before.some((s) => s.raw === statement));
  expect(after).toEqual(before.map((s) => s.kind === 'not-understood' && s.raw));
  expect(after.length).toBeGreaterThan(0);
}

describe('visual edits', () => {
  it('adds and removes an administrator', () => {
    const added = addAdministrator(view(consoleDefaultPolicy), BOB);
    expect(describeKeyPolicyView(added).administrators).toEqual([ADMIN_ROLE, BOB]);
    const removed = removeAdministrator(removeAdministrator(added, BOB), ADMIN_ROLE);
    expect(describeKeyPolicyView(removed).administrators).toEqual([]);
    expect(removed.sections.map((s) => s.kind)).not.toContain('administrators');
  });

  it('creates the administrators statement after the root statement when there is none', () => {
    const added = addAdministrator(view(awsDefaultPolicy), ADMIN_ROLE);
    expect(added.sections.map((s) => s.kind)).toEqual(['account-root', 'administrators']);
    expect(statements(added)[1]).toMatchObject({
      Sid: 'Allow access for Key Administrators',
      Principal: { AWS: [ADMIN_ROLE] },
    });
  });

  it('toggles "administrators may delete" with both deletion actions', () => {
    const off = setAdministratorsMayDelete(view(consoleDefaultPolicy), false);
    expect(describeKeyPolicyView(off).administratorsMayDelete).toBe(false);
    const offActions = (statements(off)[1] as { Action: string[] }).Action;
    expect(offActions).not.toContain('kms:ScheduleKeyDeletion');
    expect(offActions).not.toContain('kms:CancelKeyDeletion');
    const on = setAdministratorsMayDelete(off, true);
    expect(describeKeyPolicyView(on).administratorsMayDelete).toBe(true);
    expect(emitKeyPolicy(on)).toEqual(consoleDefaultPolicy);
  });

  it('adds a key user to the users and the attachment statements, and removes from both', () => {
    const added = addKeyUser(view(consoleDefaultPolicy), BOB);
    const [, , users, attachment] = statements(added) as { Principal: { AWS: string[] } }[];
    expect(users?.Principal.AWS).toContain(BOB);
    expect(attachment?.Principal.AWS).toContain(BOB);
    expect(emitKeyPolicy(removeKeyUser(added, BOB))).toEqual(consoleDefaultPolicy);
  });

  it("adds a users statement with the key type's actions when there is none", () => {
    const hmac = { ...CONTEXT, keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' as const };
    const result = parseKeyPolicyView(awsDefaultPolicy, hmac);
    if (!result.ok) throw new Error('invalid');
    const added = addKeyUser(result.view, APP_ROLE);
    expect(statements(added)[1]).toMatchObject({
      Action: ['kms:DescribeKey', 'kms:GenerateMac', 'kms:VerifyMac'],
    });
  });

  it('adds and removes another account', () => {
    const third = '333333333333';
    const added = addOtherAccount(view(consoleDefaultPolicy), third);
    expect(describeKeyPolicyView(added).otherAccounts).toEqual([OTHER, third]);
    const removed = removeOtherAccount(added, OTHER);
    expect(describeKeyPolicyView(removed).otherAccounts).toEqual([third]);
  });

  it('toggles the attachment grant statement', () => {
    const off = setAllowAttachment(view(consoleDefaultPolicy), false);
    expect(describeKeyPolicyView(off).allowAttachment).toBe(false);
    expect(statements(off)).toHaveLength(3);
    const on = setAllowAttachment(off, true);
    expect(emitKeyPolicy(on)).toEqual(consoleDefaultPolicy);
  });

  it('adds and removes a service principal', () => {
    const added = addServicePrincipal(view(awsDefaultPolicy), 'logs.us-east-1.amazonaws.com');
    expect(describeKeyPolicyView(added).servicePrincipals).toEqual([
      {
        service: 'logs.us-east-1.amazonaws.com',
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:DescribeKey',
        ],
      },
    ]);
    const removed = removeServicePrincipal(added, 'logs.us-east-1.amazonaws.com');
    expect(emitKeyPolicy(removed)).toEqual(awsDefaultPolicy);
  });

  it.each([
    ['add an administrator', (v: KeyPolicyView) => addAdministrator(v, BOB)],
    ['remove an administrator', (v: KeyPolicyView) => removeAdministrator(v, ADMIN_ROLE)],
    ['forbid deletion', (v: KeyPolicyView) => setAdministratorsMayDelete(v, false)],
    ['add a key user', (v: KeyPolicyView) => addKeyUser(v, BOB)],
    ['remove a key user', (v: KeyPolicyView) => removeKeyUser(v, APP_ROLE)],
    ['add an account', (v: KeyPolicyView) => addOtherAccount(v, '333333333333')],
    ['turn attachment on', (v: KeyPolicyView) => setAllowAttachment(v, true)],
    ['add a service', (v: KeyPolicyView) => addServicePrincipal(v, 'ec2.amazonaws.com')],
    [
      'remove a service',
      (v: KeyPolicyView) => removeServicePrincipal(v, 'cloudtrail.amazonaws.com'),
    ],
  ])('keeps hand-edited statements when you %s', (_name, edit) => {
    expectUnknownKept(edit(view(handEditedPolicy)), handEditedPolicy);
  });

  it('gives a new statement a Sid no hand-edited statement uses', () => {
    const taken = {
      Statement: [
        ...awsDefaultPolicy.Statement,
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: APP_ROLE },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:EncryptionContext:App': 'x' } },
        },
      ],
    };
    const added = addKeyUser(view(taken), BOB);
    expect(statements(added).map((s) => (s as { Sid: string }).Sid)).toEqual([
      'Enable IAM User Permissions',
      'Allow use of the key 2',
      'Allow use of the key',
    ]);
  });
});
