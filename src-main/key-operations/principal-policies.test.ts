import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PRINCIPALS_CAP } from '../../src-shared/models/principal-policies';
import { principalPolicies, targetOf } from './principal-policies';
import { useKeyOperations } from './testing/key-test-kit';

const PROD = '111111111111';
const REPORT_READER = `arn:aws:iam::${PROD}:role/report-reader`;
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: 'sts:AssumeRole' },
  ],
});
const decryptOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'UseKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
});

describe('principalPolicies (IAM read through the access layer, in-process sandbox)', () => {
  const { keys, sandbox } = useKeyOperations();

  beforeAll(async () => {
    const admin = sandbox.principal('prod');
    const iam = await keys.aws.client(IAMClient, admin, 'us-east-1');
    await iam.send(
      new CreateRoleCommand({ RoleName: 'report-reader', AssumeRolePolicyDocument: trust }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'report-reader',
        PolicyName: 'DecryptOnly',
        PolicyDocument: decryptOnly,
      }),
    );
    await iam.send(
      new AttachRolePolicyCommand({
        RoleName: 'report-reader',
        PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );
    // Enough roles that the account listing needs more than one page and hits the cap.
    for (let i = 0; i < ACCOUNT_PRINCIPALS_CAP + 5; i++) {
      await iam.send(
        new CreateRoleCommand({ RoleName: `filler-${i}`, AssumeRolePolicyDocument: trust }),
      );
    }
  }, 60_000);

  it('reads a named role\u2019s inline and attached managed policies, decoded', async () => {
    const answer = await principalPolicies(keys, {
      profileId: 'prod',
      principals: [REPORT_READER, `arn:aws:iam::222222222222:role/elsewhere`],
      includeAccount: false,
    });
    expect(answer.accountId).toBe(PROD);
    expect(answer.accountListing).toBeNull();
    expect(answer.principals).toHaveLength(1);
    const [entry] = answer.principals;
    expect(entry).toMatchObject({
      arn: REPORT_READER,
      kind: 'role',
      source: 'key-policy',
      error: null,
    });
    expect(entry?.policies?.map((p) => [p.kind, p.name])).toEqual([
      ['inline', 'DecryptOnly'],
      ['managed', 'ReadOnlyAccess'],
    ]);
    expect(JSON.parse(entry?.policies?.[0]?.document ?? '')).toEqual(JSON.parse(decryptOnly));
  });

  it('a role that does not exist fails alone', async () => {
    const answer = await principalPolicies(keys, {
      profileId: 'prod',
      principals: [`arn:aws:iam::${PROD}:role/gone`, REPORT_READER],
      includeAccount: false,
    });
    expect(answer.principals.map((p) => p.policies === null)).toEqual([true, false]);
    expect(answer.principals[0]?.reason).toContain('gone');
  });

  it('a profile without IAM read rights: "not readable with this profile", kept per principal', async () => {
    const answer = await principalPolicies(keys, {
      profileId: 'prod-developer',
      principals: [REPORT_READER],
      includeAccount: true,
    });
    expect(answer.principals[0]).toMatchObject({
      policies: null,
      reason: 'not readable with this profile',
      error: { code: 'access-denied' },
    });
    expect(answer.accountListing?.error?.code).toBe('access-denied');
  });

  it('lists the account\u2019s roles across pages, capped', async () => {
    const answer = await principalPolicies(keys, {
      profileId: 'prod',
      principals: [],
      includeAccount: true,
    });
    expect(answer.accountListing).toMatchObject({
      listed: ACCOUNT_PRINCIPALS_CAP,
      capped: true,
      error: null,
    });
    expect(answer.principals).toHaveLength(ACCOUNT_PRINCIPALS_CAP);
    expect(answer.principals.every((p) => p.source === 'account')).toBe(true);
  });

  it('an assumed-role session stands for its role; other accounts are not read', () => {
    expect(targetOf(`arn:aws:sts::${PROD}:assumed-role/report-reader/i-123`, PROD)).toMatchObject({
      arn: REPORT_READER,
      kind: 'role',
      name: 'report-reader',
    });
    expect(targetOf(`arn:aws:iam::${PROD}:user/team/alice`, PROD)?.name).toBe('alice');
    expect(targetOf(`arn:aws:iam::222222222222:user/bob`, PROD)).toBeUndefined();
    expect(targetOf(`arn:aws:iam::${PROD}:root`, PROD)).toBeUndefined();
  });
});
