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
  TooManyRequestsException,
} from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { DEMO_SSO_USER } from './demo-directory';
import { SSO_SCOPE, SSO_USER } from './model';
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

describe('SSO portal under --faults', () => {
  it('throttle answers the modelled TooManyRequestsException (429); service= and op= pick the calls', async () => {
    const { token } = await kit.signIn();
    const accessToken = token.accessToken;
    await kit.withFaults('throttle=1,service=sso', async () => {
      const e = await errorOf(kit.portal().send(new ListAccountsCommand({ accessToken })));
      expect(e).toBeInstanceOf(TooManyRequestsException);
      expect(e.$metadata?.httpStatusCode).toBe(429);
      const retried = await errorOf(kit.portal(2).send(new ListAccountsCommand({ accessToken })));
      expect(retried.$metadata?.attempts).toBe(2);
    });
    await kit.withFaults('throttle=1,service=sso-oauth', async () => {
      const out = await kit.portal().send(new ListAccountsCommand({ accessToken }));
      expect(out.accountList).toHaveLength(2);
    });
    await kit.withFaults('error5xx=1,op=GetRoleCredentials', async () => {
      const roles = await kit
        .portal()
        .send(new ListAccountRolesCommand({ accessToken, accountId: '111111111111' }));
      expect(roles.roleList).toHaveLength(2);
      const e = await errorOf(
        kit.portal().send(
          new GetRoleCredentialsCommand({
            accessToken,
            accountId: '111111111111',
            roleName: 'KmsAuditor',
          }),
        ),
      );
      expect(e.name).toBe('InternalServerException');
      expect(e.$metadata?.httpStatusCode).toBe(500);
    });
  });

  it('reset drops the connection', async () => {
    const { token } = await kit.signIn();
    const e = await kit.withFaults('reset=1,op=Logout', () =>
      errorOf(kit.portal().send(new LogoutCommand({ accessToken: token.accessToken }))),
    );
    expect(e.code).toBe('ECONNRESET');
    // The dropped Logout never ran: the sign-in still works.
    const out = await kit
      .portal()
      .send(new ListAccountsCommand({ accessToken: token.accessToken }));
    expect(out.accountList).toHaveLength(2);
  });
});

describe('SSO portal in CloudTrail', () => {
  it('records every portal call in prod us-east-1 as sso.amazonaws.com by the signed-in user, without credentials', async () => {
    const { client, token } = await kit.signIn();
    const accessToken = token.accessToken;
    const creds = await kit.portal().send(
      new GetRoleCredentialsCommand({
        accessToken,
        accountId: '111111111111',
        roleName: 'KmsAuditor',
      }),
    );
    const accounts = await kit.portal().send(new ListAccountsCommand({ accessToken }));
    const roles = await kit
      .portal()
      .send(new ListAccountRolesCommand({ accessToken, accountId: '222222222222' }));
    const forbidden = await errorOf(
      kit.portal().send(
        new GetRoleCredentialsCommand({
          accessToken,
          accountId: '333333333333',
          roleName: 'KmsAuditor',
        }),
      ),
    );
    const unknownToken = await errorOf(
      kit.portal().send(new ListAccountsCommand({ accessToken: 'aoa-not-a-token' })),
    );
    const logout = await kit.portal().send(new LogoutCommand({ accessToken }));

    const dana = kit.t.sandbox.runtime.store.get(SSO_USER, SSO_SCOPE, DEMO_SSO_USER.userName);
    const signedIn = {
      type: 'IdentityCenterUser',
      accountId: '111111111111',
      onBehalfOf: {
        userId: dana?.userId,
        identityStoreArn: 'arn:aws:identitystore::111111111111:identitystore/d-9067sandbox',
      },
    };
    const base = {
      eventSource: 'sso.amazonaws.com',
      awsRegion: 'us-east-1',
      recipientAccountId: '111111111111',
    };
    const find = async (name: string, requestId: string | undefined) => {
      const { raw, records } = await kit.trail(name);
      return { raw, record: records.find((r) => r.requestID === requestId) };
    };

    const granted = await find('GetRoleCredentials', creds.$metadata.requestId);
    expect(granted.record).toMatchObject({
      ...base,
      readOnly: true,
      userIdentity: signedIn,
      requestParameters: { accountId: '111111111111', roleName: 'KmsAuditor' },
      responseElements: null,
    });
    const refused = await find('GetRoleCredentials', forbidden.$metadata?.requestId);
    expect(refused.record).toMatchObject({
      ...base,
      userIdentity: signedIn,
      errorCode: 'ForbiddenException',
      errorMessage: 'No access',
    });
    expect((await find('ListAccounts', accounts.$metadata.requestId)).record).toMatchObject({
      ...base,
      userIdentity: signedIn,
    });
    expect((await find('ListAccounts', unknownToken.$metadata?.requestId)).record).toMatchObject({
      ...base,
      userIdentity: { type: 'Unknown', accountId: '111111111111' },
      errorCode: 'UnauthorizedException',
    });
    expect((await find('ListAccountRoles', roles.$metadata.requestId)).record).toMatchObject({
      ...base,
      requestParameters: { accountId: '222222222222' },
    });
    const loggedOut = await find('Logout', logout.$metadata.requestId);
    expect(loggedOut.record).toMatchObject({ ...base, readOnly: false, userIdentity: signedIn });
    // All of one sign-in's events carry its portal session id, and nothing secret.
    expect(loggedOut.record?.userIdentity.credentialId).toBe(
      granted.record?.userIdentity.credentialId,
    );
    const raw = [granted.raw, (await kit.trail('CreateToken')).raw].join('\n');
    for (const secret of [
      client.clientSecret,
      accessToken,
      token.refreshToken,
      creds.roleCredentials?.secretAccessKey,
      creds.roleCredentials?.sessionToken,
    ]) {
      expect(secret).toBeTruthy();
      expect(raw).not.toContain(secret);
    }
  });
});
