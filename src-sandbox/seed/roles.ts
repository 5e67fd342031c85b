import { newUniqueId } from '../identity/id-generators';
import { IAM_ROLE } from '../identity/model';
import { GLOBAL_REGION } from '../state/store-types';
import { PROD_ACCOUNT } from './demo-world';
import type { SeedContext } from './seeder';

const policy = (statements: readonly object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** Writes an IAM role with inline policies. */
export function addRole(
  ctx: SeedContext,
  account: string,
  roleName: string,
  trustPolicy: string,
  policies: Record<string, string>,
  description: string,
): void {
  ctx.tx.put(IAM_ROLE, { account, region: GLOBAL_REGION }, roleName.toLowerCase(), {
    roleName,
    roleId: newUniqueId('AROA'),
    arn: `arn:aws:iam::${account}:role/${roleName}`,
    path: '/',
    createDate: ctx.now.toISOString(),
    description,
    maxSessionDuration: 3600,
    assumeRolePolicyDocument: trustPolicy,
    policies,
  });
}

const serviceTrust = (service: string): string =>
  policy([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);

const useKeys = (actions: readonly string[]): string =>
  policy([
    {
      Sid: 'UseWorkloadKeys',
      Effect: 'Allow',
      Action: actions,
      Resource: `arn:aws:kms:*:${PROD_ACCOUNT}:key/*`,
    },
  ]);

/**
 * The prod workload roles whose sessions fill the seeded CloudTrail history (app servers on
 * EC2, the Glue ETL job, the payments batch and orders service on ECS, and EBS snapshot
 * lifecycle), so that every role a history event names exists in IAM.
 */
export const WORKLOAD_ROLES = [
  {
    name: 'app-server',
    service: 'ec2.amazonaws.com',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
    description: 'Application servers (EC2 instance profile)',
  },
  {
    name: 'etl-pipeline',
    service: 'glue.amazonaws.com',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:DescribeKey'],
    description: 'Nightly Glue ETL job',
  },
  {
    name: 'payments-batch',
    service: 'ecs-tasks.amazonaws.com',
    actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:DescribeKey'],
    description: 'Payments settlement batch (ECS task)',
  },
  {
    name: 'orders-service',
    service: 'ecs-tasks.amazonaws.com',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:DescribeKey'],
    description: 'Orders API (ECS service)',
  },
  {
    name: 'AWSDataLifecycleManagerDefaultRole',
    service: 'dlm.amazonaws.com',
    actions: ['ec2:CreateSnapshot', 'ec2:CreateTags', 'ec2:DeleteSnapshot', 'ec2:Describe*'],
    description: 'Amazon Data Lifecycle Manager snapshot policies',
  },
] as const;

export function addWorkloadRoles(ctx: SeedContext): void {
  for (const r of WORKLOAD_ROLES) {
    addRole(
      ctx,
      PROD_ACCOUNT,
      r.name,
      serviceTrust(r.service),
      { [`${r.name}-access`]: useKeys(r.actions) },
      r.description,
    );
  }
}
