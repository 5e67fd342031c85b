import { describe, expect, it } from 'vitest';
import { iamPolicy, KEY_ARN, OTHER, OWNER, policy } from '../test-helpers';
import { effectiveKeyAccess, type KeyAccessRow } from './effective-key-access';
import { ADMIN_ROLE, APP_ROLE, consoleDefaultPolicy, handEditedPolicy } from './test-fixtures';

const CAROL = `arn:aws:iam::${OTHER}:user/carol`;

function rows(
  document: unknown,
  iam?: Record<string, ReturnType<typeof iamPolicy>[]>,
): KeyAccessRow[] {
  return effectiveKeyAccess(policy(document), {
    accountId: OWNER,
    keyArn: KEY_ARN,
    ...(iam === undefined ? {} : { iamPoliciesByPrincipal: iam }),
  });
}

function row(list: readonly KeyAccessRow[], subject: string): KeyAccessRow {
  const found = list.find((candidate) => candidate.subject === subject);
  if (found === undefined) throw new Error(`no row for ${subject}`);
  return found;
}

function access(r: KeyAccessRow): Pick<KeyAccessRow, 'administer' | 'use' | 'grant' | 'delete'> {
  return { administer: r.administer, use: r.use, grant: r.grant, delete: r.delete };
}

describe('effectiveKeyAccess', () => {
  const console = rows(consoleDefaultPolicy);

  it('lists every principal the policy names, once', () => {
    expect(console.map((r) => [r.kind, r.subject])).toEqual([
      ['account', OWNER],
      ['principal', ADMIN_ROLE],
      ['principal', APP_ROLE],
      ['account', OTHER],
    ]);
  });

  it('the account root statement: everything, as far as IAM allows', () => {
    expect(access(row(console, OWNER))).toEqual({
      administer: 'depends-on-iam',
      use: 'depends-on-iam',
      grant: 'depends-on-iam',
      delete: 'depends-on-iam',
    });
    expect(row(console, OWNER).label).toBe('Any IAM principal in this account with IAM permission');
  });

  it('key administrators administer and delete; use depends on IAM', () => {
    expect(access(row(console, ADMIN_ROLE))).toEqual({
      administer: 'allowed',
      use: 'depends-on-iam',
      grant: 'allowed',
      delete: 'allowed',
    });
  });

  it('key users use the key; grants only through AWS services', () => {
    const app = row(console, APP_ROLE);
    expect(app.use).toBe('allowed');
    expect(app.usableActions).toEqual([
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncryptFrom',
      'kms:GenerateDataKey',
    ]);
    expect(app.grant).toBe('conditional');
    expect(app.administer).toBe('depends-on-iam');
  });

  it('with the principal\u2019s IAM policies known, decides instead of saying "depends"', () => {
    const known = rows(consoleDefaultPolicy, { [APP_ROLE]: [iamPolicy('kms:Decrypt')] });
    expect(access(row(known, APP_ROLE))).toEqual({
      administer: 'denied',
      use: 'allowed',
      grant: 'conditional',
      delete: 'denied',
    });
    const admin = rows(consoleDefaultPolicy, { [APP_ROLE]: [iamPolicy('kms:*')] });
    expect(row(admin, APP_ROLE).administer).toBe('allowed');
  });

  it('another account: its principals need their own IAM permission too', () => {
    expect(row(console, OTHER)).toMatchObject({
      kind: 'account',
      use: 'depends-on-iam',
      administer: 'denied',
    });
    const crossAccount = {
      Statement: [
        { Effect: 'Allow', Principal: { AWS: CAROL }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    };
    expect(row(rows(crossAccount), CAROL).use).toBe('depends-on-iam');
    expect(row(rows(crossAccount, { [CAROL]: [iamPolicy('kms:Decrypt')] }), CAROL).use).toBe(
      'allowed',
    );
    expect(row(rows(crossAccount, { [CAROL]: [iamPolicy('kms:Encrypt')] }), CAROL).use).toBe(
      'denied',
    );
  });

  it('an explicit deny wins', () => {
    const denied = {
      Statement: [
        ...consoleDefaultPolicy.Statement,
        { Effect: 'Deny', Principal: { AWS: APP_ROLE }, Action: 'kms:*', Resource: '*' },
      ],
    };
    expect(access(row(rows(denied), APP_ROLE))).toEqual({
      administer: 'denied',
      use: 'denied',
      grant: 'denied',
      delete: 'denied',
    });
  });

  it('service principals and "*" with conditions', () => {
    const list = rows(handEditedPolicy);
    expect(row(list, 'cloudtrail.amazonaws.com')).toMatchObject({
      kind: 'service',
      use: 'conditional',
      administer: 'denied',
    });
    expect(row(list, '*')).toMatchObject({
      kind: 'anyone',
      use: 'conditional',
      grant: 'conditional',
      administer: 'denied',
    });
  });

  it('a principal named only with a condition can use the key under that condition', () => {
    const list = rows(handEditedPolicy);
    expect(row(list, `arn:aws:iam::${OWNER}:user/alice`).use).toBe('conditional');
  });
});
