import { describe, expect, it } from 'vitest';
import { iamPolicy, KEY_ARN, OTHER, OWNER, policy } from '../test-helpers';
import {
  effectiveKeyAccess,
  type EffectiveAccessOptions,
  type KeyAccessRow,
} from './effective-key-access';
import {
  ADMIN_ROLE,
  APP_ROLE,
  awsDefaultPolicy,
  consoleDefaultPolicy,
  handEditedPolicy,
} from './test-fixtures';

const CAROL = `arn:aws:iam::${OTHER}:user/carol`;

function rows(
  document: unknown,
  iam?: Record<string, ReturnType<typeof iamPolicy>[]>,
): KeyAccessRow[] {
  return effectiveKeyAccess(policy(document), {
    accountId: OWNER,
    keyArn: KEY_ARN,
    ...(iam === undefined
      ? {}
      : {
          identities: Object.fromEntries(
            Object.entries(iam).map(([arn, documents]) => [
              arn,
              {
                status: 'read' as const,
                policies: documents.map((document, i) => ({ name: `policy-${i + 1}`, document })),
              },
            ]),
          ),
        }),
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
    // It stands for the whole account: there is no one principal's IAM to read.
    expect(row(console, OWNER).iam).toEqual({ status: 'not-needed' });
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

  describe('combined with the IAM policies read for each principal', () => {
    const named = (name: string, document: ReturnType<typeof iamPolicy>) => ({ name, document });
    const withIdentities = (
      document: unknown,
      identities: EffectiveAccessOptions['identities'],
      accountPrincipals?: string[],
    ) =>
      effectiveKeyAccess(policy(document), {
        accountId: OWNER,
        keyArn: KEY_ARN,
        ...(identities ? { identities } : {}),
        ...(accountPrincipals ? { accountPrincipals } : {}),
      });

    it('the account root delegates: the named role\u2019s IAM policy decides, and is named', () => {
      const list = withIdentities(consoleDefaultPolicy, {
        [ADMIN_ROLE]: { status: 'read', policies: [named('KmsUse', iamPolicy('kms:Decrypt'))] },
      });
      const admin = row(list, ADMIN_ROLE);
      expect(admin.use).toBe('allowed');
      expect(admin.reasons.use).toContain('IAM policy "KmsUse"');
      expect(admin.reasons.use).toContain('statement "Enable IAM User Permissions"');
      expect(admin.reasons.administer).toContain('statement "Allow access for Key Administrators"');
      expect(admin.iam).toEqual({ status: 'read', policyNames: ['KmsUse'] });
    });

    it('an explicit deny in an IAM policy wins over the key policy\u2019s allow', () => {
      const list = withIdentities(consoleDefaultPolicy, {
        [APP_ROLE]: {
          status: 'read',
          policies: [
            named('AllowAll', iamPolicy('kms:*')),
            named('NoDecrypt', iamPolicy('kms:*', KEY_ARN, 'Deny')),
          ],
        },
      });
      const app = row(list, APP_ROLE);
      expect(access(app)).toEqual({
        administer: 'denied',
        use: 'denied',
        grant: 'denied',
        delete: 'denied',
      });
      expect(app.reasons.use).toContain('IAM policy "NoDecrypt"');
    });

    it('IAM policies not readable: the verdict waits on IAM and says why', () => {
      const list = withIdentities(consoleDefaultPolicy, {
        [APP_ROLE]: { status: 'unreadable', reason: 'not readable with this profile' },
        [ADMIN_ROLE]: { status: 'unreadable', reason: 'Rate exceeded' },
      });
      const app = row(list, APP_ROLE);
      expect(app.administer).toBe('depends-on-iam');
      expect(app.reasons.administer).toContain(
        'only together with an IAM policy: its IAM policies are not readable with this profile.',
      );
      expect(app.use).toBe('allowed');
      expect(app.iam).toEqual({ status: 'unreadable', reason: 'not readable with this profile' });
      expect(row(list, ADMIN_ROLE).reasons.use).toContain('could not be read (Rate exceeded)');
    });

    it('a principal of another account also needs its own account\u2019s IAM policy', () => {
      const crossAccount = {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: CAROL }, Action: 'kms:Decrypt', Resource: '*' },
        ],
      };
      const carol = row(withIdentities(crossAccount, {}), CAROL);
      expect(carol.use).toBe('depends-on-iam');
      expect(carol.reasons.use).toContain(`its own account\u2019s IAM policy (account ${OTHER}`);
      expect(carol.iam).toEqual({ status: 'other-account', account: OTHER });
      expect(carol.administer).toBe('denied');
    });

    it('roles of the account listed for the root statement get their own rows', () => {
      const reader = `arn:aws:iam::${OWNER}:role/Reader`;
      const list = withIdentities(
        awsDefaultPolicy,
        { [reader]: { status: 'read', policies: [named('ReadOnly', iamPolicy('kms:Describe*'))] } },
        [reader, `arn:aws:iam::${OTHER}:role/Elsewhere`],
      );
      expect(list.map((r) => [r.source, r.subject])).toEqual([
        ['key-policy', OWNER],
        ['account', reader],
      ]);
      expect(access(row(list, reader))).toEqual({
        administer: 'denied',
        use: 'denied',
        grant: 'denied',
        delete: 'denied',
      });
      expect(row(list, reader).reasons.use).toContain('no IAM policy of the principal allows it');
    });
  });
});
