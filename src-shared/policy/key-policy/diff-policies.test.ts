import { describe, expect, it } from 'vitest';
import { diffPolicies, type PolicyDiff } from './diff-policies';
import { addKeyUser } from './edit-key-users';
import { emitKeyPolicy } from './emit-key-policy';
import { parseKeyPolicyView } from './parse-key-policy-view';
import {
  APP_ROLE,
  attachmentStatement,
  awsDefaultPolicy,
  consoleDefaultPolicy,
  CONTEXT,
  rootStatement,
  usersStatement,
} from './test-fixtures';

function diff(before: unknown, after: unknown): PolicyDiff {
  const result = diffPolicies(before, after);
  if (!result.ok) throw new Error(result.message);
  return result.diff;
}

describe('diffPolicies', () => {
  it('finds nothing between a policy and itself, or a re-formatted copy', () => {
    const same = diff(consoleDefaultPolicy, JSON.stringify(consoleDefaultPolicy, null, 4));
    expect(same).toMatchObject({ added: [], removed: [], changed: [], header: [] });
    expect(same.unchanged).toHaveLength(4);
  });

  it('treats a single value and a one-element list, and re-ordered lists, as equal', () => {
    const reordered = {
      ...awsDefaultPolicy,
      Statement: [
        { ...rootStatement, Principal: { AWS: [rootStatement.Principal.AWS] }, Action: ['kms:*'] },
      ],
    };
    expect(diff(awsDefaultPolicy, reordered).changed).toEqual([]);
    const users = { Statement: [usersStatement] };
    const shuffled = {
      Statement: [{ ...usersStatement, Action: [...usersStatement.Action].reverse() }],
    };
    expect(diff(users, shuffled).unchanged).toEqual([[0, 0]]);
  });

  it('reports the statement a workflow adds, at its position', () => {
    const result = diff(awsDefaultPolicy, consoleDefaultPolicy);
    expect(result.added.map((r) => [r.index, r.sid])).toEqual([
      [1, 'Allow access for Key Administrators'],
      [2, 'Allow use of the key'],
      [3, 'Allow attachment of persistent resources'],
    ]);
    expect(result.header).toEqual(['Id']);
  });

  it('pairs statements by Sid and names the elements that changed', () => {
    const parsed = parseKeyPolicyView(consoleDefaultPolicy, CONTEXT);
    if (!parsed.ok) throw new Error('invalid');
    const after = emitKeyPolicy(addKeyUser(parsed.view, `${APP_ROLE}2`));
    const result = diff(consoleDefaultPolicy, after);
    expect(result.changed.map((c) => [c.before.sid, c.elements])).toEqual([
      ['Allow use of the key', ['Principal']],
      ['Allow attachment of persistent resources', ['Principal']],
    ]);
    expect(result.added).toEqual([]);
  });

  it('reports removed statements', () => {
    const without = {
      ...consoleDefaultPolicy,
      Statement: consoleDefaultPolicy.Statement.slice(0, 3),
    };
    expect(diff(consoleDefaultPolicy, without).removed).toEqual([
      { index: 3, sid: 'Allow attachment of persistent resources', statement: attachmentStatement },
    ]);
  });

  it('says which side is not JSON', () => {
    expect(diffPolicies('{', awsDefaultPolicy)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Before/),
    });
  });
});
