import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  KMSClient,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
} from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { errorOf, useSsoSandbox } from './test-kit';

const kit = useSsoSandbox();

describe('SSO portal', () => {
  it('lists the demo user’s accounts and roles', async () => {
    const { token } = await kit.signIn();
    const accounts = await kit
      .portal()
      .send(new ListAccountsCommand({ accessToken: token.accessToken }));
    expect(accounts.accountList?.map((a) => [a.accountId, a.accountName])).toEqual([
      ['111111111111', 'prod'],
      ['222222222222', 'backup'],
    ]);
    const paged = await kit
      .portal()
      .send(new ListAccountsCommand({ accessToken: token.accessToken, maxResults: 1 }));
    expect(paged.accountList).toHaveLength(1);
    expect(paged.nextToken).toBeTruthy();
    const roles = await kit
      .portal()
      .send(
        new ListAccountRolesCommand({ accessToken: token.accessToken, accountId: '111111111111' }),
      );
    expect(roles.roleList?.map((r) => r.roleName).sort()).toEqual([
      'AdministratorAccess',
      'KmsAuditor',
    ]);
  });

  it('GetRoleCredentials gives a session of the AWSReservedSSO role that STS, KMS and CloudTrail see', async () => {
    const { token } = await kit.signIn();
    const out = await kit.portal().send(
      new GetRoleCredentialsCommand({
        accessToken: token.accessToken,
        accountId: '111111111111',
        roleName: 'KmsAuditor',
      }),
    );
    const c = out.roleCredentials;
    expect(c?.accessKeyId).toMatch(/^ASIA/);
    expect((c?.expiration ?? 0) - Date.now()).toBeGreaterThan(3500_000);
    const credentials = {
      accessKeyId: c?.accessKeyId ?? '',
      secretAccessKey: c?.secretAccessKey ?? '',
      sessionToken: c?.sessionToken ?? '',
    };
    const client = { ...kit.config(), credentials };
    const who = await new STSClient(client).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(
      'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_KmsAuditor_0c93e7b14d2a6f58/dana',
    );
    const kms = new KMSClient(client);
    const keys = await kms.send(new ListKeysCommand({}));
    expect(keys.Keys?.length).toBeGreaterThan(0);
    await kms.send(new DescribeKeyCommand({ KeyId: keys.Keys?.[0]?.KeyId ?? '' }));
    const create = await errorOf(kms.send(new CreateKeyCommand({})));
    expect(create.name).toBe('AccessDeniedException');

    const trail = await new CloudTrailClient(kit.t.client('prod')).send(
      new LookupEventsCommand({
        LookupAttributes: [
          { AttributeKey: 'AccessKeyId', AttributeValue: credentials.accessKeyId },
        ],
      }),
    );
    const describe = trail.Events?.find((e) => e.EventName === 'DescribeKey');
    const record = JSON.parse(describe?.CloudTrailEvent ?? '{}') as {
      userIdentity: {
        type: string;
        arn: string;
        sessionContext: { sessionIssuer: { arn: string } };
      };
    };
    expect(record.userIdentity.type).toBe('AssumedRole');
    expect(record.userIdentity.sessionContext.sessionIssuer.arn).toBe(
      'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_KmsAuditor_0c93e7b14d2a6f58',
    );
    const portalEvents = await new CloudTrailClient(kit.t.client('prod')).send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetRoleCredentials' }],
      }),
    );
    expect(portalEvents.Events?.[0]?.Username).toBe('dana');
  });

  it('refuses roles the user does not have (ForbiddenException) and bad tokens (UnauthorizedException)', async () => {
    const { token } = await kit.signIn();
    const forbidden = await errorOf(
      kit.portal().send(
        new GetRoleCredentialsCommand({
          accessToken: token.accessToken,
          accountId: '333333333333',
          roleName: 'AdministratorAccess',
        }),
      ),
    );
    expect(forbidden.name).toBe('ForbiddenException');
    expect(forbidden.$metadata?.httpStatusCode).toBe(403);
    const bad = await errorOf(
      kit.portal().send(
        new GetRoleCredentialsCommand({
          accessToken: 'aoa-not-a-token',
          accountId: '111111111111',
          roleName: 'AdministratorAccess',
        }),
      ),
    );
    expect(bad.name).toBe('UnauthorizedException');
    expect(bad.message).toBe('Session token not found or invalid');
  });

  it('treats an access token older than 8 hours as invalid', async () => {
    const { token } = await kit.signIn();
    kit.offsetMs = 8 * 3600_000 + 1000;
    try {
      const e = await errorOf(
        kit.portal().send(new ListAccountsCommand({ accessToken: token.accessToken })),
      );
      expect(e.name).toBe('UnauthorizedException');
    } finally {
      kit.offsetMs = 0;
    }
  });

  it('Logout ends the sign-in: the access and refresh tokens stop working', async () => {
    const { client, token } = await kit.signIn();
    await kit.portal().send(new LogoutCommand({ accessToken: token.accessToken }));
    const e = await errorOf(
      kit.portal().send(new ListAccountsCommand({ accessToken: token.accessToken })),
    );
    expect(e.name).toBe('UnauthorizedException');
    const refresh = await errorOf(
      kit.oidc().send(
        new CreateTokenCommand({
          ...client,
          grantType: 'refresh_token',
          refreshToken: token.refreshToken,
        }),
      ),
    );
    expect(refresh.name).toBe('InvalidGrantException');
  });
});
