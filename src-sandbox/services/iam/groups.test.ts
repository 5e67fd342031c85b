import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const iam = () => new IAMClient(t.client('prod'));

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

const LIST_KEYS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'kms:ListKeys', Resource: '*' }],
});
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

describe('IAM groups', () => {
  it('creates a group, adds and removes members, and refuses to delete it while in use', async () => {
    const created = await iam().send(new CreateGroupCommand({ GroupName: 'Auditors' }));
    expect(created.Group).toMatchObject({
      GroupName: 'Auditors',
      Arn: 'arn:aws:iam::111111111111:group/Auditors',
      Path: '/',
    });
    expect(created.Group?.GroupId).toMatch(/^AGPA[A-Z0-9]{17}$/);
    const again = await errorOf(iam().send(new CreateGroupCommand({ GroupName: 'auditors' })));
    expect([again.name, again.message, again.$metadata?.httpStatusCode]).toEqual([
      'EntityAlreadyExistsException',
      'Group with name auditors already exists.',
      409,
    ]);

    await iam().send(new CreateUserCommand({ UserName: 'ann' }));
    await iam().send(new AddUserToGroupCommand({ GroupName: 'Auditors', UserName: 'ann' }));
    await iam().send(new AddUserToGroupCommand({ GroupName: 'auditors', UserName: 'ann' }));
    const got = await iam().send(new GetGroupCommand({ GroupName: 'Auditors' }));
    expect(got.Users?.map((u) => u.UserName)).toEqual(['ann']);
    const forUser = await iam().send(new ListGroupsForUserCommand({ UserName: 'ann' }));
    expect(forUser.Groups?.map((g) => g.GroupName)).toEqual(['Auditors']);
    const listed = await iam().send(new ListGroupsCommand({}));
    expect(listed.Groups?.map((g) => g.GroupName)).toContain('Auditors');

    const userInGroup = await errorOf(iam().send(new DeleteUserCommand({ UserName: 'ann' })));
    expect([userInGroup.name, userInGroup.message]).toEqual([
      'DeleteConflictException',
      'Cannot delete entity, must remove user from all groups first.',
    ]);
    const withMembers = await errorOf(
      iam().send(new DeleteGroupCommand({ GroupName: 'Auditors' })),
    );
    expect([withMembers.name, withMembers.message, withMembers.$metadata?.httpStatusCode]).toEqual([
      'DeleteConflictException',
      'Cannot delete entity, must remove users from group first.',
      409,
    ]);
    await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'Auditors', UserName: 'ann' }));
    const notMember = await errorOf(
      iam().send(new RemoveUserFromGroupCommand({ GroupName: 'Auditors', UserName: 'ann' })),
    );
    expect(notMember.name).toBe('NoSuchEntityException');

    await iam().send(new AttachGroupPolicyCommand({ GroupName: 'Auditors', PolicyArn: READ_ONLY }));
    const withPolicy = await errorOf(iam().send(new DeleteGroupCommand({ GroupName: 'Auditors' })));
    expect(withPolicy.message).toBe('Cannot delete entity, must detach all policies first.');
    await iam().send(new DetachGroupPolicyCommand({ GroupName: 'Auditors', PolicyArn: READ_ONLY }));
    await iam().send(new DeleteGroupCommand({ GroupName: 'Auditors' }));
    await iam().send(new DeleteUserCommand({ UserName: 'ann' }));
    const gone = await errorOf(iam().send(new GetGroupCommand({ GroupName: 'Auditors' })));
    expect([gone.name, gone.message, gone.$metadata?.httpStatusCode]).toEqual([
      'NoSuchEntityException',
      'The group with name Auditors cannot be found.',
      404,
    ]);
  });

  it('puts, reads, lists and deletes inline group policies; attaches managed ones', async () => {
    await iam().send(new CreateGroupCommand({ GroupName: 'Listers' }));
    await iam().send(
      new PutGroupPolicyCommand({
        GroupName: 'Listers',
        PolicyName: 'ListKeys',
        PolicyDocument: LIST_KEYS,
      }),
    );
    const got = await iam().send(
      new GetGroupPolicyCommand({ GroupName: 'Listers', PolicyName: 'ListKeys' }),
    );
    expect(got.GroupName).toBe('Listers');
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument ?? ''))).toEqual(JSON.parse(LIST_KEYS));
    const names = await iam().send(new ListGroupPoliciesCommand({ GroupName: 'Listers' }));
    expect(names.PolicyNames).toEqual(['ListKeys']);
    const inUse = await errorOf(iam().send(new DeleteGroupCommand({ GroupName: 'Listers' })));
    expect(inUse.message).toBe('Cannot delete entity, must delete policies first.');
    await iam().send(
      new DeleteGroupPolicyCommand({ GroupName: 'Listers', PolicyName: 'ListKeys' }),
    );
    const missing = await errorOf(
      iam().send(new GetGroupPolicyCommand({ GroupName: 'Listers', PolicyName: 'ListKeys' })),
    );
    expect([missing.name, missing.message]).toEqual([
      'NoSuchEntityException',
      'The group policy with name ListKeys cannot be found.',
    ]);

    await iam().send(new AttachGroupPolicyCommand({ GroupName: 'Listers', PolicyArn: READ_ONLY }));
    const attached = await iam().send(
      new ListAttachedGroupPoliciesCommand({ GroupName: 'Listers' }),
    );
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY },
    ]);
  });

  it('authorises a user through its group policies only while it is a member', async () => {
    await iam().send(new CreateGroupCommand({ GroupName: 'KeyListers' }));
    await iam().send(
      new PutGroupPolicyCommand({
        GroupName: 'KeyListers',
        PolicyName: 'ListKeys',
        PolicyDocument: LIST_KEYS,
      }),
    );
    await iam().send(new CreateUserCommand({ UserName: 'bea' }));
    const key = await iam().send(new CreateAccessKeyCommand({ UserName: 'bea' }));
    const kms = new KMSClient(
      t.client({
        accessKeyId: key.AccessKey?.AccessKeyId ?? '',
        secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
      }),
    );
    expect((await errorOf(kms.send(new ListKeysCommand({})))).name).toBe('AccessDeniedException');
    await iam().send(new AddUserToGroupCommand({ GroupName: 'KeyListers', UserName: 'bea' }));
    expect((await kms.send(new ListKeysCommand({}))).Keys?.length).toBeGreaterThan(0);
    await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'KeyListers', UserName: 'bea' }));
    expect((await errorOf(kms.send(new ListKeysCommand({})))).name).toBe('AccessDeniedException');
  });

  it('keeps every member of 40 parallel AddUserToGroup calls', async () => {
    const users = Array.from({ length: 40 }, (_, i) => `member-${String(i).padStart(2, '0')}`);
    await iam().send(new CreateGroupCommand({ GroupName: 'Crowd' }));
    await Promise.all(users.map((UserName) => iam().send(new CreateUserCommand({ UserName }))));
    await Promise.all(
      users.map((UserName) =>
        iam().send(new AddUserToGroupCommand({ GroupName: 'Crowd', UserName })),
      ),
    );
    const got = await iam().send(new GetGroupCommand({ GroupName: 'Crowd' }));
    expect(got.Users?.map((u) => u.UserName)).toEqual(users);
  });

  it('refuses a user an eleventh group', async () => {
    await iam().send(new CreateUserCommand({ UserName: 'joiner' }));
    for (let i = 0; i < 10; i++) {
      await iam().send(new CreateGroupCommand({ GroupName: `club-${i}` }));
      await iam().send(new AddUserToGroupCommand({ GroupName: `club-${i}`, UserName: 'joiner' }));
    }
    await iam().send(new CreateGroupCommand({ GroupName: 'club-10' }));
    const limit = await errorOf(
      iam().send(new AddUserToGroupCommand({ GroupName: 'club-10', UserName: 'joiner' })),
    );
    expect([limit.name, limit.message, limit.$metadata?.httpStatusCode]).toEqual([
      'LimitExceededException',
      'Cannot exceed quota for GroupsPerUser: 10',
      409,
    ]);
  });
});
