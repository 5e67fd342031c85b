import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../identity/totp';
import {
  BACKUP_OPERATOR_ARN,
  BACKUP_OPERATOR_EXTERNAL_ID,
  BREAK_GLASS_ARN,
  DEMO_MFA_SECRET,
  PROD_ADMIN_MFA_SERIAL,
} from '../../seed/demo-world';
import { startTestSandbox, type TestSandbox } from '../../testing/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const sts = (profile: Parameters<TestSandbox['client']>[0], extra: object = {}) =>
  new STSClient({ ...t.client(profile), ...extra });

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

describe('STS GetCallerIdentity', () => {
  it.each([
    ['prod', '111111111111', 'arn:aws:iam::111111111111:user/admin'],
    ['backup', '222222222222', 'arn:aws:iam::222222222222:user/admin'],
    ['partner', '333333333333', 'arn:aws:iam::333333333333:user/admin'],
    ['prod-developer', '111111111111', 'arn:aws:iam::111111111111:user/prod-developer'],
  ])('answers for profile %s', async (profile, account, arn) => {
    const out = await sts(profile).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(account);
    expect(out.Arn).toBe(arn);
    expect(out.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const good = t.credentials('prod');
    const e = await errorOf(
      sts({ ...good, secretAccessKey: `x${good.secretAccessKey.slice(1)}` }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(e.name).toBe('SignatureDoesNotMatch');
    expect(e.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses an unknown key with InvalidClientTokenId', async () => {
    const e = await errorOf(
      sts({ accessKeyId: 'AKIASANDBOXUNKNOWN22', secretAccessKey: 'x'.repeat(40) }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(e.name).toBe('InvalidClientTokenId');
    expect(e.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a clock 20 minutes off; the SDK then corrects its clock from the Date header', async () => {
    const late = sts('prod', { systemClockOffset: -20 * 60_000 });
    const e = await errorOf(late.send(new GetCallerIdentityCommand({})));
    expect(e.name).toBe('SignatureDoesNotMatch');
    expect(e.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    expect((await late.send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111');
    const early = await errorOf(
      sts('prod', { systemClockOffset: 20 * 60_000 }).send(new GetCallerIdentityCommand({})),
    );
    expect(early.message).toMatch(/^Signature not yet current:/);
    // Within the 15-minute window is fine.
    expect(
      (await sts('prod', { systemClockOffset: 10 * 60_000 }).send(new GetCallerIdentityCommand({})))
        .Account,
    ).toBe('111111111111');
  });
});

describe('STS AssumeRole', () => {
  const assume = (extra: object = {}) =>
    sts('prod').send(
      new AssumeRoleCommand({
        RoleArn: BACKUP_OPERATOR_ARN,
        RoleSessionName: 'copy-job',
        ExternalId: BACKUP_OPERATOR_EXTERNAL_ID,
        ...extra,
      }),
    );

  it('issues working temporary credentials with the right external id', async () => {
    const out = await assume();
    const c = out.Credentials;
    expect(c?.AccessKeyId).toMatch(/^ASIASANDBOX[A-Z2-7]{9}$/);
    expect(out.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/BackupOperator/copy-job',
    );
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:copy-job$/);
    expect(c?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    const creds = {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    };
    const who = await sts(creds).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::222222222222:assumed-role/BackupOperator/copy-job');
    expect(who.Account).toBe('222222222222');

    const { sessionToken: _ignored, ...withoutToken } = creds;
    const e = await errorOf(sts(withoutToken).send(new GetCallerIdentityCommand({})));
    expect(e.name).toBe('InvalidClientTokenId');
  });

  it('denies a wrong or missing external id', async () => {
    const wrong = await errorOf(assume({ ExternalId: 'not-the-id' }));
    expect(wrong.name).toBe('AccessDenied');
    expect(wrong.message).toBe(
      `User: arn:aws:iam::111111111111:user/admin is not authorized to perform: sts:AssumeRole on resource: ${BACKUP_OPERATOR_ARN}`,
    );
    expect((await errorOf(assume({ ExternalId: undefined }))).name).toBe('AccessDenied');
  });

  it('denies a non-existent role the same way', async () => {
    const e = await errorOf(assume({ RoleArn: 'arn:aws:iam::222222222222:role/Nope' }));
    expect(e.name).toBe('AccessDenied');
  });

  it('requires MFA for the break-glass role and accepts a valid TOTP code', async () => {
    const denied = await errorOf(
      sts('prod').send(
        new AssumeRoleCommand({ RoleArn: BREAK_GLASS_ARN, RoleSessionName: 'oncall' }),
      ),
    );
    expect(denied.name).toBe('AccessDenied');
    const badCode = await errorOf(
      sts('prod').send(
        new AssumeRoleCommand({
          RoleArn: BREAK_GLASS_ARN,
          RoleSessionName: 'oncall',
          SerialNumber: PROD_ADMIN_MFA_SERIAL,
          TokenCode: '000000' === totp(DEMO_MFA_SECRET, new Date()) ? '111111' : '000000',
        }),
      ),
    );
    expect(badCode.message).toBe(
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    );
    const out = await sts('prod').send(
      new AssumeRoleCommand({
        RoleArn: BREAK_GLASS_ARN,
        RoleSessionName: 'oncall',
        SerialNumber: PROD_ADMIN_MFA_SERIAL,
        TokenCode: totp(DEMO_MFA_SECRET, new Date()),
      }),
    );
    expect(out.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/oncall',
    );
  });

  it("refuses an MFA device that is not the caller's", async () => {
    const e = await errorOf(
      sts('prod-developer').send(
        new AssumeRoleCommand({
          RoleArn: BREAK_GLASS_ARN,
          RoleSessionName: 'x1',
          SerialNumber: PROD_ADMIN_MFA_SERIAL,
          TokenCode: totp(DEMO_MFA_SECRET, new Date()),
        }),
      ),
    );
    expect(e.message).toMatch(/unable to validate MFA code/);
  });

  it('validates DurationSeconds', async () => {
    const tooShort = await errorOf(assume({ DurationSeconds: 60 }));
    expect(tooShort.name).toBe('ValidationError');
    expect(tooShort.message).toMatch(
      /at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900/,
    );
    const tooLong = await errorOf(assume({ DurationSeconds: 7200 }));
    expect(tooLong.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('issues session tokens with GetSessionToken and MFA', async () => {
    const out = await sts('prod').send(
      new GetSessionTokenCommand({
        SerialNumber: PROD_ADMIN_MFA_SERIAL,
        TokenCode: totp(DEMO_MFA_SECRET, new Date()),
        DurationSeconds: 900,
      }),
    );
    const c = out.Credentials;
    const who = await sts({
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::111111111111:user/admin');
  });
});
