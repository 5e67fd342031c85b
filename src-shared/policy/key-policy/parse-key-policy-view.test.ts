import { describe, expect, it } from 'vitest';
import { OTHER, OWNER } from '../test-helpers';
import { describeKeyPolicyView } from './describe-key-policy-view';
import { emitKeyPolicy } from './emit-key-policy';
import { parseKeyPolicyView } from './parse-key-policy-view';
import type { KeyPolicyView } from './key-policy-view';
import {
  adminStatement,
  attachmentStatement,
  rootStatement,
  usersStatement,
  ADMIN_ROLE,
  APP_ROLE,
  awsDefaultPolicy,
  consoleDefaultPolicy,
  CONTEXT,
  expectEquivalent,
  financeUserStatement,
  handEditedPolicy,
} from './test-fixtures';

function view(document: unknown): KeyPolicyView {
  const result = parseKeyPolicyView(document, CONTEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.view;
}

function kinds(document: unknown): string[] {
  return view(document).sections.map((section) => section.kind);
}

describe('parseKeyPolicyView', () => {
  it('understands the AWS default policy', () => {
    expect(kinds(awsDefaultPolicy)).toEqual(['account-root']);
    expect(describeKeyPolicyView(view(awsDefaultPolicy)).accountRootEnabled).toBe(true);
  });

  it('understands every statement of the console default policy, by shape', () => {
    expect(kinds(consoleDefaultPolicy)).toEqual([
      'account-root',
      'administrators',
      'users',
      'attachment',
    ]);
    const roles = describeKeyPolicyView(view(consoleDefaultPolicy));
    expect(roles).toMatchObject({
      administrators: [ADMIN_ROLE],
      administratorsMayDelete: true,
      users: [APP_ROLE],
      otherAccounts: [OTHER],
      allowAttachment: true,
      notUnderstood: [],
    });
  });

  it('does not rely on Sids: renamed and Sid-less statements are still understood', () => {
    const renamed = {
      Statement: consoleDefaultPolicy.Statement.map(({ Sid: _sid, ...rest }, i) =>
        i === 1 ? { ...rest, Sid: 'Admins' } : rest,
      ),
    };
    expect(kinds(renamed)).toEqual(['account-root', 'administrators', 'users', 'attachment']);
  });

  it('does not take a statement for its Sid: a user Sid with admin actions is the administrators', () => {
    const statement = { ...adminStatement, Sid: 'Allow use of the key' };
    expect(kinds({ Statement: [statement] })).toEqual(['administrators']);
  });

  it('counts this account’s root among the key users, other roots among other accounts', () => {
    const statement = {
      ...usersStatement,
      Principal: { AWS: [OWNER, `arn:aws:iam::${OTHER}:root`] },
    };
    const roles = describeKeyPolicyView(view({ Statement: [statement] }));
    expect(roles).toMatchObject({ users: [OWNER], otherAccounts: [OTHER] });
  });

  it('understands administrators without the deletion actions', () => {
    const admin = adminStatement;
    const action = admin.Action.filter(
      (a) => !['kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'].includes(a),
    );
    const roles = describeKeyPolicyView(view({ Statement: [{ ...admin, Action: action }] }));
    expect(roles.administratorsMayDelete).toBe(false);
  });

  it('leaves hand-edited statements alone and says why', () => {
    const parsed = view(handEditedPolicy);
    expect(parsed.sections.map((section) => section.kind)).toEqual([
      'account-root',
      'not-understood',
      'administrators',
      'not-understood',
      'not-understood',
      'users',
      'service',
    ]);
    const userWithCondition = parsed.sections[3];
    expect(userWithCondition).toMatchObject({
      kind: 'not-understood',
      sid: 'Allow use of the key for finance',
    });
    expect(userWithCondition?.kind === 'not-understood' && userWithCondition.reason).toMatch(
      /condition/,
    );
    expect(userWithCondition?.kind === 'not-understood' && userWithCondition.raw).toBe(
      financeUserStatement,
    );
  });

  it.each([
    ['a Deny', { Effect: 'Deny' }],
    ['NotAction', { Action: undefined, NotAction: 'kms:Decrypt' }],
    ['a key ARN as Resource', { Resource: CONTEXT.keyArn }],
    [
      'an extra action',
      {
        Action: [...usersStatement.Action, 'kms:Sign'],
      },
    ],
    ['a wildcard principal', { Principal: { AWS: '*' } }],
    ['mixed principal types', { Principal: { AWS: APP_ROLE, Service: 'ec2.amazonaws.com' } }],
  ])('does not understand a user statement with %s', (_name, change) => {
    const statement = Object.fromEntries(
      Object.entries({ ...usersStatement, ...change }).filter(([, v]) => v !== undefined),
    );
    expect(kinds({ Statement: [statement] })).toEqual(['not-understood']);
  });

  it('does not understand an attachment statement with another condition value', () => {
    const statement = {
      ...attachmentStatement,
      Condition: { Bool: { 'kms:GrantIsForAWSResource': false } },
    };
    expect(kinds({ Statement: [statement] })).toEqual(['not-understood']);
  });

  it('takes the root of another account with kms:* for a statement it does not manage', () => {
    const statement = {
      ...rootStatement,
      Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
    };
    expect(kinds({ Statement: [statement] })).toEqual(['not-understood']);
  });

  it('reports invalid policies instead of guessing', () => {
    expect(parseKeyPolicyView('{"Statement": [', CONTEXT).ok).toBe(false);
    expect(parseKeyPolicyView({ Statement: [{ Effect: 'Maybe' }] }, CONTEXT).ok).toBe(false);
  });
});

describe('round trip: parse → emit without edits', () => {
  it.each([
    ['the AWS default policy', awsDefaultPolicy],
    ['the console default with administrators and users', consoleDefaultPolicy],
    ['a hand-edited policy', handEditedPolicy],
  ])('%s comes back equivalent, unknown statements deep-equal and in place', (_name, document) => {
    const emitted = emitKeyPolicy(view(document));
    expectEquivalent(emitted, document);
    const statements = emitted['Statement'] as unknown[];
    view(document).sections.forEach((section, i) => {
      if (section.kind === 'not-understood') expect(statements[i]).toEqual(document.Statement[i]);
    });
  });

  it('keeps the top-level members and accepts text', () => {
    const emitted = emitKeyPolicy(view(JSON.stringify(consoleDefaultPolicy)));
    expect(emitted['Id']).toBe('key-consolepolicy-3');
    expect(emitted['Version']).toBe('2012-10-17');
    expect(emitted).toEqual(consoleDefaultPolicy);
  });

  it('keeps a bare account id as written', () => {
    const document = {
      Statement: [{ ...rootStatement, Principal: { AWS: OWNER } }],
    };
    expect(emitKeyPolicy(view(document))).toEqual(document);
  });
});
