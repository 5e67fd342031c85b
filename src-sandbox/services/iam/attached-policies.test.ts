import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICIES } from '../../identity/managed-policies';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const iam = (profile: Parameters<TestSandbox['client']>[0] = 'prod') =>
  new IAMClient(t.client(profile));

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

const policy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const READ_ONLY = policy('ReadOnlyAccess');
const KMS_POWER = policy('AWSKeyManagementServicePowerUser');
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: 'sts:AssumeRole',
    },
  ],
});

describe('IAM managed policies', () => {
  it('attaches, lists and detaches for a role', async () => {
    await iam().send(
      new CreateRoleCommand({ RoleName: 'Auditor', AssumeRolePolicyDocument: TRUST }),
    );
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'Auditor', PolicyArn: READ_ONLY }));
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'auditor', PolicyArn: KMS_POWER }));
    // Attaching twice is accepted and changes nothing.
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'Auditor', PolicyArn: READ_ONLY }));
    const listed = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'Auditor' }));
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY },
      { PolicyName: 'AWSKeyManagementServicePowerUser', PolicyArn: KMS_POWER },
    ]);
    expect(listed.IsTruncated).toBe(false);
    const paged = await iam().send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'Auditor', MaxItems: 1 }),
    );
    expect([paged.AttachedPolicies?.length, paged.IsTruncated]).toEqual([1, true]);
    const rest = await iam().send(
      new ListAttachedRolePoliciesCommand({ RoleName: 'Auditor', Marker: paged.Marker }),
    );
    expect(rest.AttachedPolicies?.map((p) => p.PolicyName)).toEqual([
      'AWSKeyManagementServicePowerUser',
    ]);

    const got = await iam().send(new GetPolicyCommand({ PolicyArn: READ_ONLY }));
    expect(got.Policy).toMatchObject({ PolicyName: 'ReadOnlyAccess', AttachmentCount: 1 });
    const version = await iam().send(
      new GetPolicyVersionCommand({
        PolicyArn: READ_ONLY,
        VersionId: got.Policy?.DefaultVersionId,
      }),
    );
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? ''))).toMatchObject({
      Statement: [{ Effect: 'Allow', Resource: '*' }],
    });

    const conflict = await errorOf(iam().send(new DeleteRoleCommand({ RoleName: 'Auditor' })));
    expect([conflict.name, conflict.message]).toEqual([
      'DeleteConflictException',
      'Cannot delete entity, must detach all policies first.',
    ]);
    for (const arn of [READ_ONLY, KMS_POWER]) {
      await iam().send(new DetachRolePolicyCommand({ RoleName: 'Auditor', PolicyArn: arn }));
    }
    expect(
      (await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'Auditor' })))
        .AttachedPolicies,
    ).toEqual([]);
    await iam().send(new DeleteRoleCommand({ RoleName: 'Auditor' }));
  });

  it('answers with AWS errors', async () => {
    const noRole = await errorOf(
      iam().send(new AttachRolePolicyCommand({ RoleName: 'Ghost', PolicyArn: READ_ONLY })),
    );
    expect([noRole.name, noRole.message, noRole.$metadata?.httpStatusCode]).toEqual([
      'NoSuchEntityException',
      'The role with name Ghost cannot be found.',
      404,
    ]);
    await iam().send(new CreateUserCommand({ UserName: 'collector' }));
    const noPolicy = await errorOf(
      iam().send(
        new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: policy('NoSuchPolicy') }),
      ),
    );
    expect([noPolicy.name, noPolicy.message]).toEqual([
      'NoSuchEntityException',
      `Policy ${policy('NoSuchPolicy')} does not exist or is not attachable.`,
    ]);
    const malformed = await errorOf(
      iam().send(
        new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: 'not-an-arn-of-a-policy' }),
      ),
    );
    expect([malformed.name, malformed.message, malformed.$metadata?.httpStatusCode]).toEqual([
      'InvalidInputException',
      'ARN not-an-arn-of-a-policy is not valid.',
      400,
    ]);
    const notAttached = await errorOf(
      iam().send(new DetachUserPolicyCommand({ UserName: 'collector', PolicyArn: READ_ONLY })),
    );
    expect([notAttached.name, notAttached.message]).toEqual([
      'NoSuchEntityException',
      `Policy ${READ_ONLY} was not found.`,
    ]);

    const ten = AWS_MANAGED_POLICIES.slice(0, 10);
    for (const p of ten) {
      await iam().send(new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: p.arn }));
    }
    const eleventh = AWS_MANAGED_POLICIES[10]?.arn ?? '';
    const limit = await errorOf(
      iam().send(new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: eleventh })),
    );
    expect([limit.name, limit.message, limit.$metadata?.httpStatusCode]).toEqual([
      'LimitExceededException',
      'Cannot exceed quota for PoliciesPerUser: 10',
      409,
    ]);
    const listed = await iam().send(new ListAttachedUserPoliciesCommand({ UserName: 'collector' }));
    expect(listed.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual(ten.map((p) => p.arn));
    for (const p of ten) {
      await iam().send(new DetachUserPolicyCommand({ UserName: 'collector', PolicyArn: p.arn }));
    }
    await iam().send(new DeleteUserCommand({ UserName: 'collector' }));
  });

  it('denies the new calls without iam permissions', async () => {
    const e = await errorOf(
      iam('prod-developer').send(
        new AttachUserPolicyCommand({
          UserName: 'prod-developer',
          PolicyArn: policy('AdministratorAccess'),
        }),
      ),
    );
    expect([e.name, e.message]).toEqual([
      'AccessDenied',
      'User: arn:aws:iam::111111111111:user/prod-developer is not authorized to perform: iam:AttachUserPolicy on resource: arn:aws:iam::111111111111:user/prod-developer because no identity-based policy allows the iam:AttachUserPolicy action',
    ]);
  });

  it('evaluates attached policies when authorising the user', async () => {
    await iam().send(new CreateUserCommand({ UserName: 'Reader' }));
    const key = await iam().send(new CreateAccessKeyCommand({ UserName: 'Reader' }));
    const kms = new KMSClient(
      t.client({
        accessKeyId: key.AccessKey?.AccessKeyId ?? '',
        secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
      }),
    );
    const before = await errorOf(kms.send(new ListKeysCommand({})));
    expect(before.name).toBe('AccessDeniedException');
    expect(before.message).toContain('kms:ListKeys');

    await iam().send(new AttachUserPolicyCommand({ UserName: 'Reader', PolicyArn: READ_ONLY }));
    expect((await kms.send(new ListKeysCommand({}))).Keys?.length).toBeGreaterThan(0);

    await iam().send(new DetachUserPolicyCommand({ UserName: 'Reader', PolicyArn: READ_ONLY }));
    expect((await errorOf(kms.send(new ListKeysCommand({})))).name).toBe('AccessDeniedException');
  });

  it('evaluates attached policies for assumed-role sessions', async () => {
    await iam().send(
      new CreateRoleCommand({ RoleName: 'KeyLister', AssumeRolePolicyDocument: TRUST }),
    );
    const session = await new STSClient(t.client('prod')).send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111111111111:role/KeyLister',
        RoleSessionName: 'lister',
      }),
    );
    const kms = new KMSClient(
      t.client({
        accessKeyId: session.Credentials?.AccessKeyId ?? '',
        secretAccessKey: session.Credentials?.SecretAccessKey ?? '',
        sessionToken: session.Credentials?.SessionToken ?? '',
      }),
    );
    expect((await errorOf(kms.send(new ListKeysCommand({})))).name).toBe('AccessDeniedException');
    await iam().send(new AttachRolePolicyCommand({ RoleName: 'KeyLister', PolicyArn: KMS_POWER }));
    expect((await kms.send(new ListKeysCommand({}))).Keys?.length).toBeGreaterThan(0);
  });
});
