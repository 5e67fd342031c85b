import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src-shared/policy';
import { explainAccess } from '../../src-shared/policy/key-policy/access-verdict';
import { effectiveKeyAccess } from '../../src-shared/policy/key-policy/effective-key-access';
import { identitiesFromAnswer } from '../../src-shared/policy/key-policy/identities-from-answer';
import { identityPoliciesOf } from '../workflows/kinds/identity-policies';
import { principalPolicies } from './principal-policies';
import { useKeyOperations } from './testing/key-test-kit';

const PROD = '111111111111';
const KEY_ARN = `arn:aws:kms:us-east-1:${PROD}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ONLY_GROUPS = `arn:aws:iam::${PROD}:user/only-groups`;
const DENIED = `arn:aws:iam::${PROD}:user/denied-by-group`;

const statement = (Effect: 'Allow' | 'Deny') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect, Action: 'kms:Decrypt', Resource: '*' }],
  });

/** The key policy trusts the account root: IAM policies decide. */
const keyPolicy = (() => {
  const parsed = parsePolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${PROD}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    }),
    'resource',
  );
  if (!parsed.ok) throw new Error('test key policy does not parse');
  return parsed.policy;
})();

describe('group policies in a user\u2019s identity policies (in-process sandbox)', () => {
  const { keys, sandbox } = useKeyOperations();

  beforeAll(async () => {
    const iam = await keys.aws.client(IAMClient, sandbox.principal('prod'), 'us-east-1');
    const group = async (GroupName: string, effect: 'Allow' | 'Deny', users: string[]) => {
      await iam.send(new CreateGroupCommand({ GroupName }));
      await iam.send(
        new PutGroupPolicyCommand({
          GroupName,
          PolicyName: `${effect}Decrypt`,
          PolicyDocument: statement(effect),
        }),
      );
      for (const UserName of users) {
        await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
      }
    };
    await iam.send(new CreateUserCommand({ UserName: 'only-groups' }));
    await iam.send(new CreateUserCommand({ UserName: 'denied-by-group' }));
    await group('decrypters', 'Allow', ['only-groups', 'denied-by-group']);
    await group('blocked', 'Deny', ['denied-by-group']);
  });

  async function useRow(userArn: string) {
    const answer = await principalPolicies(keys, {
      profileId: 'prod',
      principals: [userArn],
      includeAccount: false,
    });
    const rows = effectiveKeyAccess(keyPolicy, {
      accountId: PROD,
      keyArn: KEY_ARN,
      ...identitiesFromAnswer(answer),
      accountPrincipals: [userArn],
    });
    const identity = identitiesFromAnswer(answer).identities?.[userArn];
    const decrypt = explainAccess(
      {
        keyPolicy,
        accountId: PROD,
        keyArn: KEY_ARN,
        principal: { arn: userArn, account: PROD, kind: 'user' },
        identityPolicies: identity?.status === 'read' ? identity.policies : undefined,
      },
      'kms:Decrypt',
    );
    return { answer, row: rows.find((r) => r.subject === userArn), decrypt };
  }

  it('a user allowed kms:Decrypt only through a group policy is allowed, naming the group', async () => {
    const { answer, row } = await useRow(ONLY_GROUPS);
    expect(answer.principals[0]?.policies?.map((p) => p.name)).toEqual([
      'group decrypters: AllowDecrypt',
    ]);
    expect(row?.use).toBe('allowed');
    expect(row?.usableActions).toEqual(['kms:Decrypt']);
    expect(row?.reasons.use).toContain('IAM policy "group decrypters: AllowDecrypt"');
  });

  it('a deny in another of the user\u2019s groups wins over the allow', async () => {
    const { row, decrypt } = await useRow(DENIED);
    expect(row?.use).toBe('denied');
    expect(row?.usableActions).toEqual([]);
    expect(decrypt.verdict).toBe('denied');
    expect(decrypt.reason).toContain('IAM policy "group blocked: DenyDecrypt"');
  });

  it('the workflow engine\u2019s target IAM read includes the groups\u2019 policies too', async () => {
    const documents = await identityPoliciesOf(keys, 'prod', DENIED);
    expect(documents.map((d) => d.statements.map((s) => s.effect))).toEqual([['Allow'], ['Deny']]);
  });
});
