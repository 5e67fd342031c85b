import { newAccessKeyId, newSecretAccessKey, newUniqueId } from '../identity/id-generators';
import { ACCESS_KEY, ACCOUNT, IAM_USER, MFA_DEVICE } from '../identity/model';
import { GLOBAL_REGION } from '../state/store-types';
import {
  ADMIN_USER,
  BACKUP_ACCOUNT,
  BACKUP_OPERATOR_EXTERNAL_ID,
  BACKUP_OPERATOR_ROLE,
  BREAK_GLASS_ROLE,
  DEMO_ACCOUNTS,
  DEMO_MFA_SECRET,
  DEVELOPER_PROFILE,
  DEVELOPER_USER,
  PROD_ACCOUNT,
  PROD_ADMIN_MFA_SERIAL,
} from './demo-world';
import { addRole, addWorkloadRoles } from './roles';
import { PROFILE, SANDBOX_SCOPE, type SeedContext, type Seeder } from './seeder';

const policy = (statements: readonly object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const ADMINISTRATOR_POLICY = policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]);

/** prod-developer: may look and encrypt, never decrypt, create keys or edit key policies. */
export const DEVELOPER_POLICY = policy([
  {
    Sid: 'ReadAndEncrypt',
    Effect: 'Allow',
    Action: ['kms:Describe*', 'kms:List*', 'kms:Encrypt', 'ec2:Describe*'],
    Resource: '*',
  },
]);

export const BACKUP_OPERATOR_POLICY = policy([
  {
    Sid: 'KmsForCopies',
    Effect: 'Allow',
    Action: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:DescribeKey',
      'kms:CreateGrant',
      'kms:ListKeys',
      'kms:ListAliases',
    ],
    Resource: '*',
  },
  {
    Sid: 'Ec2Copies',
    Effect: 'Allow',
    Action: [
      'ec2:Describe*',
      'ec2:CopySnapshot',
      'ec2:CopyImage',
      'ec2:CreateSnapshot',
      'ec2:CreateVolume',
      'ec2:CreateTags',
      'ec2:ModifySnapshotAttribute',
      'ec2:RegisterImage',
    ],
    Resource: '*',
  },
]);

const trust = (condition: object): string =>
  policy([
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` },
      Action: 'sts:AssumeRole',
      Condition: condition,
    },
  ]);

/** prod may assume BackupOperator with ExternalId `keyward-demo` (MFA optional). */
export const BACKUP_OPERATOR_TRUST = trust({
  StringEquals: { 'sts:ExternalId': BACKUP_OPERATOR_EXTERNAL_ID },
});
/** prod may assume BreakGlassAdmin only with MFA. */
export const BREAK_GLASS_TRUST = trust({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });

function addUser(
  ctx: SeedContext,
  account: string,
  userName: string,
  policies: Record<string, string>,
  profile: string,
  description: string,
): void {
  const scope = { account, region: GLOBAL_REGION };
  const created = ctx.now.toISOString();
  ctx.tx.put(IAM_USER, scope, userName.toLowerCase(), {
    userName,
    userId: newUniqueId('AIDA'),
    arn: `arn:aws:iam::${account}:user/${userName}`,
    path: '/',
    createDate: created,
    policies,
  });
  const accessKeyId = newAccessKeyId('long-term');
  ctx.tx.put(ACCESS_KEY, scope, accessKeyId, {
    accessKeyId,
    secretAccessKey: newSecretAccessKey(),
    userName,
    status: 'Active',
    createDate: created,
  });
  ctx.tx.put(PROFILE, SANDBOX_SCOPE, profile, { profile, account, accessKeyId, description });
}

/** Accounts, administrators, prod-developer, backup's and prod's roles, the prod admin's MFA device. */
export const identitySeeder: Seeder = {
  name: 'identities',
  seed(ctx) {
    for (const a of DEMO_ACCOUNTS) {
      ctx.tx.put(ACCOUNT, { account: a.id, region: GLOBAL_REGION }, a.id, {
        id: a.id,
        name: a.name,
        ...(a.alias === undefined ? {} : { alias: a.alias }),
      });
      addUser(
        ctx,
        a.id,
        ADMIN_USER,
        { AdministratorAccess: ADMINISTRATOR_POLICY },
        a.profile,
        `administrator of ${a.name} (${a.id})`,
      );
    }
    addUser(
      ctx,
      PROD_ACCOUNT,
      DEVELOPER_USER,
      { DeveloperAccess: DEVELOPER_POLICY },
      DEVELOPER_PROFILE,
      `limited developer in prod (${PROD_ACCOUNT})`,
    );
    ctx.tx.put(
      MFA_DEVICE,
      { account: PROD_ACCOUNT, region: GLOBAL_REGION },
      PROD_ADMIN_MFA_SERIAL,
      {
        serialNumber: PROD_ADMIN_MFA_SERIAL,
        userName: ADMIN_USER,
        secretBase32: DEMO_MFA_SECRET,
        enableDate: ctx.now.toISOString(),
      },
    );
    addRole(
      ctx,
      BACKUP_ACCOUNT,
      BACKUP_OPERATOR_ROLE,
      BACKUP_OPERATOR_TRUST,
      { BackupOperatorAccess: BACKUP_OPERATOR_POLICY },
      'Cross-account copy work for prod (ExternalId keyward-demo)',
    );
    addRole(
      ctx,
      BACKUP_ACCOUNT,
      BREAK_GLASS_ROLE,
      BREAK_GLASS_TRUST,
      { AdministratorAccess: ADMINISTRATOR_POLICY },
      'Emergency administrator for prod, MFA required',
    );
    addWorkloadRoles(ctx);
  },
};
