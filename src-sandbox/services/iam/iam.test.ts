import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const iam = (profile: Parameters<TestSandbox['client']>[0] = 'prod', region?: string) =>
  new IAMClient(t.client(profile, region));

async function errorOf(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

const S3_READ = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:DescribeKey', Resource: '*' }],
});
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::333333333333:root' },
      Action: 'sts:AssumeRole',
    },
  ],
});

describe('IAM authorisation', () => {
  it("denies prod-developer iam:CreateUser with AWS's message", async () => {
    const e = await errorOf(
      iam('prod-developer').send(new CreateUserCommand({ UserName: 'mallory' })),
    );
    expect(e.name).toBe('AccessDenied');
    expect(e.$metadata?.httpStatusCode).toBe(403);
    expect(e.message).toBe(
      'User: arn:aws:iam::111111111111:user/prod-developer is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111111111111:user/mallory because no identity-based policy allows the iam:CreateUser action',
    );
  });

  it('accepts any signing region for the global service', async () => {
    const out = await iam('prod', 'eu-west-1').send(new ListAccountAliasesCommand({}));
    expect(out.AccountAliases).toEqual(['keyward-prod']);
    expect((await iam('backup').send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(
      [],
    );
  });
});

describe('IAM users, keys and inline policies', () => {
  it('round-trips a user', async () => {
    const created = await iam().send(new CreateUserCommand({ UserName: 'alice', Path: '/ops/' }));
    expect(created.User?.Arn).toBe('arn:aws:iam::111111111111:user/ops/alice');
    expect(created.User?.UserId).toMatch(/^AIDA/);
    expect(created.User?.CreateDate).toBeInstanceOf(Date);
    const dup = await errorOf(iam().send(new CreateUserCommand({ UserName: 'ALICE' })));
    expect([dup.name, dup.message]).toEqual([
      'EntityAlreadyExistsException',
      'User with name ALICE already exists.',
    ]);

    expect((await iam().send(new GetUserCommand({ UserName: 'alice' }))).User?.Path).toBe('/ops/');
    expect((await iam().send(new GetUserCommand({}))).User?.UserName).toBe('admin');
    const names = (await iam().send(new ListUsersCommand({}))).Users?.map((u) => u.UserName);
    expect(names).toEqual(['admin', 'alice', 'prod-developer']);
    const paged = await iam().send(new ListUsersCommand({ MaxItems: 2 }));
    expect(paged.IsTruncated).toBe(true);
    const rest = await iam().send(new ListUsersCommand({ MaxItems: 2, Marker: paged.Marker }));
    expect(rest.Users?.map((u) => u.UserName)).toEqual(['prod-developer']);
    expect(rest.IsTruncated).toBe(false);

    await iam().send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'Describe',
        PolicyDocument: S3_READ,
      }),
    );
    expect(
      (await iam().send(new ListUserPoliciesCommand({ UserName: 'alice' }))).PolicyNames,
    ).toEqual(['Describe']);
    const got = await iam().send(
      new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'Describe' }),
    );
    expect(decodeURIComponent(got.PolicyDocument ?? '')).toBe(S3_READ);
    expect(got.PolicyDocument).not.toContain('{');

    const malformed = await errorOf(
      iam().send(
        new PutUserPolicyCommand({
          UserName: 'alice',
          PolicyName: 'Bad',
          PolicyDocument: '{"Statement":[{"Effect":"Maybe"}]}',
        }),
      ),
    );
    expect(malformed.name).toBe('MalformedPolicyDocumentException');

    const key = await iam().send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    const creds = {
      accessKeyId: key.AccessKey?.AccessKeyId ?? '',
      secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
    };
    expect(creds.accessKeyId).toMatch(/^AKIASANDBOX[A-Z2-7]{9}$/);
    expect(creds.secretAccessKey).toHaveLength(40);
    const who = await new STSClient(t.client(creds)).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::111111111111:user/ops/alice');
    const listed = await iam().send(new ListAccessKeysCommand({ UserName: 'alice' }));
    expect(listed.AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status])).toEqual([
      [creds.accessKeyId, 'Active'],
    ]);

    await iam().send(
      new UpdateAccessKeyCommand({
        UserName: 'alice',
        AccessKeyId: creds.accessKeyId,
        Status: 'Inactive',
      }),
    );
    const inactive = await errorOf(
      new STSClient(t.client(creds)).send(new GetCallerIdentityCommand({})),
    );
    expect(inactive.name).toBe('InvalidClientTokenId');

    const conflict = await errorOf(iam().send(new DeleteUserCommand({ UserName: 'alice' })));
    expect([conflict.name, conflict.message]).toEqual([
      'DeleteConflictException',
      'Cannot delete entity, must delete access keys first.',
    ]);
    await iam().send(
      new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: creds.accessKeyId }),
    );
    expect((await errorOf(iam().send(new DeleteUserCommand({ UserName: 'alice' })))).message).toBe(
      'Cannot delete entity, must delete policies first.',
    );
    await iam().send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'Describe' }));
    await iam().send(new DeleteUserCommand({ UserName: 'alice' }));
    const gone = await errorOf(iam().send(new GetUserCommand({ UserName: 'alice' })));
    expect([gone.name, gone.message, gone.$metadata?.httpStatusCode]).toEqual([
      'NoSuchEntityException',
      'The user with name alice cannot be found.',
      404,
    ]);
  });

  it('finds no inline policy named like an Object.prototype member', async () => {
    for (const PolicyName of ['constructor', 'toString', '__proto__']) {
      const input = { UserName: 'admin', PolicyName };
      const get = await errorOf(iam().send(new GetUserPolicyCommand(input)));
      const del = await errorOf(iam().send(new DeleteUserPolicyCommand(input)));
      const expected = `The user policy with name ${PolicyName} cannot be found.`;
      expect([get.name, get.message]).toEqual(['NoSuchEntityException', expected]);
      expect([del.name, del.message]).toEqual(['NoSuchEntityException', expected]);
    }
  });

  it('reports validation errors in AWS wording', async () => {
    const e = await errorOf(iam().send(new CreateUserCommand({ UserName: 'bad name!' })));
    expect(e.name).toBe('ValidationError');
    expect(e.message).toBe(
      "1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });
});

describe('IAM roles', () => {
  it('round-trips a role with trust and inline policies', async () => {
    const created = await iam().send(
      new CreateRoleCommand({
        RoleName: 'PartnerAudit',
        AssumeRolePolicyDocument: TRUST,
        Description: 'audit',
        MaxSessionDuration: 7200,
      }),
    );
    expect(created.Role?.Arn).toBe('arn:aws:iam::111111111111:role/PartnerAudit');
    expect(created.Role?.RoleId).toMatch(/^AROA/);
    expect(decodeURIComponent(created.Role?.AssumeRolePolicyDocument ?? '')).toBe(TRUST);
    const badTrust = await errorOf(
      iam().send(new CreateRoleCommand({ RoleName: 'Broken', AssumeRolePolicyDocument: S3_READ })),
    );
    expect(badTrust.name).toBe('MalformedPolicyDocumentException');

    const got = await iam().send(new GetRoleCommand({ RoleName: 'PartnerAudit' }));
    expect(got.Role?.MaxSessionDuration).toBe(7200);
    expect(got.Role?.Description).toBe('audit');
    const roles = (await iam().send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName);
    expect(roles).toContain('PartnerAudit');

    await iam().send(
      new PutRolePolicyCommand({
        RoleName: 'PartnerAudit',
        PolicyName: 'Read',
        PolicyDocument: S3_READ,
      }),
    );
    expect(
      (await iam().send(new ListRolePoliciesCommand({ RoleName: 'PartnerAudit' }))).PolicyNames,
    ).toEqual(['Read']);
    const policy = await iam().send(
      new GetRolePolicyCommand({ RoleName: 'PartnerAudit', PolicyName: 'Read' }),
    );
    expect(decodeURIComponent(policy.PolicyDocument ?? '')).toBe(S3_READ);
    const missing = await errorOf(
      iam().send(new GetRolePolicyCommand({ RoleName: 'PartnerAudit', PolicyName: 'Nope' })),
    );
    expect(missing.message).toBe('The role policy with name Nope cannot be found.');

    const newTrust = TRUST.replace('333333333333', '222222222222');
    await iam().send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'PartnerAudit', PolicyDocument: newTrust }),
    );
    const updated = await iam().send(new GetRoleCommand({ RoleName: 'PartnerAudit' }));
    expect(decodeURIComponent(updated.Role?.AssumeRolePolicyDocument ?? '')).toBe(newTrust);

    expect(
      (await errorOf(iam().send(new DeleteRoleCommand({ RoleName: 'PartnerAudit' })))).name,
    ).toBe('DeleteConflictException');
    await iam().send(new DeleteRolePolicyCommand({ RoleName: 'PartnerAudit', PolicyName: 'Read' }));
    await iam().send(new DeleteRoleCommand({ RoleName: 'PartnerAudit' }));
    const gone = await errorOf(iam().send(new GetRoleCommand({ RoleName: 'PartnerAudit' })));
    expect(gone.message).toBe('The role with name PartnerAudit cannot be found.');
  });
});
