import { newUniqueId } from '../identity/id-generators';
import { IAM_ROLE } from '../identity/model';
import {
  DEMO_PERMISSION_SETS,
  DEMO_SSO_IDENTITY_STORE,
  DEMO_SSO_INSTANCE_ARN,
  DEMO_SSO_REGION,
  DEMO_SSO_START_URL,
  DEMO_SSO_USER,
  SSO_ROLE_PATH,
  ssoRoleName,
  ssoTrustPolicy,
} from '../sso/demo-directory';
import { SSO_ASSIGNMENT, SSO_INSTANCE, SSO_SCOPE, SSO_USER } from '../sso/model';
import { GLOBAL_REGION } from '../state/store-types';
import { DEMO_ACCOUNTS, PROD_ACCOUNT } from './demo-world';
import type { Seeder } from './seeder';

const SESSION_SECONDS = 3600;

/**
 * The demo IAM Identity Center: one instance (managed from prod), one user, and the roles its
 * permission sets provision in prod and backup, as Identity Center names and trusts them.
 */
export const ssoSeeder: Seeder = {
  name: 'sso',
  seed(ctx) {
    ctx.tx.put(SSO_INSTANCE, SSO_SCOPE, DEMO_SSO_START_URL, {
      startUrl: DEMO_SSO_START_URL,
      region: DEMO_SSO_REGION,
      instanceArn: DEMO_SSO_INSTANCE_ARN,
      identityStoreId: DEMO_SSO_IDENTITY_STORE,
      managementAccount: PROD_ACCOUNT,
    });
    ctx.tx.put(SSO_USER, SSO_SCOPE, DEMO_SSO_USER.userName, {
      ...DEMO_SSO_USER,
      userId: `9067sandbox-${newUniqueId('AIDA').slice(4, 12).toLowerCase()}`,
    });
    for (const set of DEMO_PERMISSION_SETS) {
      const roleName = ssoRoleName(set);
      for (const accountId of set.accounts) {
        const account = DEMO_ACCOUNTS.find((a) => a.id === accountId);
        ctx.tx.put(
          IAM_ROLE,
          { account: accountId, region: GLOBAL_REGION },
          roleName.toLowerCase(),
          {
            roleName,
            roleId: newUniqueId('AROA'),
            arn: `arn:aws:iam::${accountId}:role${SSO_ROLE_PATH}${roleName}`,
            path: SSO_ROLE_PATH,
            createDate: ctx.now.toISOString(),
            description: `${set.description}. Managed by IAM Identity Center; do not edit.`,
            maxSessionDuration: 43200,
            assumeRolePolicyDocument: ssoTrustPolicy(accountId),
            policies: { [set.name]: set.policy },
          },
        );
        ctx.tx.put(
          SSO_ASSIGNMENT,
          SSO_SCOPE,
          `${DEMO_SSO_USER.userName}/${accountId}/${set.name}`,
          {
            userName: DEMO_SSO_USER.userName,
            accountId,
            accountName: account?.name ?? accountId,
            accountEmail: `aws+${account?.name ?? accountId}@keyward-demo.example`,
            permissionSet: set.name,
            roleName,
            sessionDurationSeconds: SESSION_SECONDS,
          },
        );
      }
    }
  },
};
