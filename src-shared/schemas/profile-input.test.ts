import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrorsFromIssues } from '../errors';
import {
  addAccessKeyProfileInput,
  addAssumeRoleProfileInput,
  addSharedConfigProfileInput,
  addSsoProfileInput,
  editProfileInput,
} from './profile-input';

const good = {
  name: 'prod admin',
  target: 'aws',
  defaultRegion: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('access-key profile input', () => {
  it('accepts a complete profile and defaults saveUnverified to false', () => {
    expect(addAccessKeyProfileInput.parse(good).saveUnverified).toBe(false);
    expect(
      addAccessKeyProfileInput.parse({ ...good, mfaSerial: 'arn:aws:iam::111111111111:mfa/alice' })
        .mfaSerial,
    ).toBeDefined();
  });

  it.each([
    [{ name: '' }, 'name', 'Give the profile a name'],
    [{ name: 'a'.repeat(65) }, 'name', 'At most 64 characters'],
    [{ name: 'bad/name' }, 'name', 'Use letters'],
    [{ target: 'mars' }, 'target', ''],
    [{ defaultRegion: 'moon-1' }, 'defaultRegion', 'Not a region code'],
    [{ accessKeyId: 'AKIA123' }, 'accessKeyId', 'starting with AKIA'],
    [{ accessKeyId: 'akiaiosfodnn7example' }, 'accessKeyId', 'starting with AKIA'],
    [{ secretAccessKey: 'short' }, 'secretAccessKey', '40 characters'],
    [{ mfaSerial: 'arn:aws:iam::1:mfa/x' }, 'mfaSerial', 'MFA device'],
    [{ sessionToken: 'x' }, '_', ''],
  ])('rejects %o on %s', (patch, field, message) => {
    const parsed = addAccessKeyProfileInput.safeParse({ ...good, ...patch });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = fieldErrorsFromIssues(parsed.error.issues);
    expect(Object.keys(errors)).toContain(field);
    expect(errors[field]).toContain(message);
  });
});

function firstErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  return fieldErrorsFromIssues(parsed.error.issues);
}

describe('assume-role profile input', () => {
  const role = {
    name: 'backup-operator',
    sourceProfileId: 'sandbox:prod',
    roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
    defaultRegion: 'us-east-1',
  };

  it('accepts a role and fills session name and length', () => {
    expect(addAssumeRoleProfileInput.parse(role)).toMatchObject({
      sessionName: 'keyward',
      durationSeconds: 3600,
      saveUnverified: false,
    });
  });

  it.each([
    [{ sourceProfileId: '' }, 'sourceProfileId', 'Choose the profile that assumes the role'],
    [{ roleArn: 'arn:aws:iam::222222222222:user/x' }, 'roleArn', 'A role ARN'],
    [{ externalId: 'x' }, 'externalId', '2 to 1224 characters'],
    [{ sessionName: 'has space' }, 'sessionName', '2 to 64 characters'],
    [{ durationSeconds: 60 }, 'durationSeconds', 'At least 900 seconds'],
    [{ durationSeconds: 50_000 }, 'durationSeconds', 'At most 43200 seconds'],
    [{ mfaCode: '12345' }, 'mfaCode', 'Six digits'],
  ])('rejects %o on %s', (patch, field, message) => {
    expect(firstErrors(addAssumeRoleProfileInput, { ...role, ...patch })[field]).toContain(message);
  });
});

describe('AWS config and SSO profile input', () => {
  it('rejects a config profile name the AWS CLI could not have', () => {
    expect(
      firstErrors(addSharedConfigProfileInput, {
        name: 'work',
        configProfile: 'has space',
        target: 'aws',
        defaultRegion: 'us-east-1',
      }).configProfile,
    ).toContain('The name of a profile in your AWS config file');
  });

  const sso = {
    name: 'sso-admin',
    target: 'aws',
    startUrl: 'https://my-org.awsapps.com/start',
    ssoRegion: 'eu-west-1',
    accountId: '111111111111',
    roleName: 'AdministratorAccess',
    defaultRegion: 'eu-west-1',
  };

  it('accepts an Identity Center profile', () => {
    expect(addSsoProfileInput.parse(sso)).toEqual(sso);
  });

  it.each([
    [{ startUrl: 'http://my-org.awsapps.com/start' }, 'startUrl', 'The AWS access portal URL'],
    [{ ssoRegion: 'nowhere' }, 'ssoRegion', 'Not a region code'],
    [{ accountId: '1234' }, 'accountId', 'An account id is 12 digits'],
    [{ roleName: 'a b' }, 'roleName', 'A permission set role name'],
  ])('rejects %o on %s', (patch, field, message) => {
    expect(firstErrors(addSsoProfileInput, { ...sso, ...patch })[field]).toContain(message);
  });
});

describe('profile edits', () => {
  const edit = {
    id: 'p1',
    kind: 'access-key',
    name: 'alice',
    defaultRegion: 'us-east-1',
    mfaSerial: null,
    newAccessKey: null,
  };

  it('accepts an edit that keeps the keys', () => {
    expect(editProfileInput.parse(edit)).toMatchObject({ saveUnverified: false });
  });

  it('checks new keys field by field', () => {
    const errors = firstErrors(editProfileInput, {
      ...edit,
      newAccessKey: { accessKeyId: 'nope', secretAccessKey: 'short' },
    });
    expect(errors['newAccessKey.accessKeyId']).toContain('starting with AKIA');
    expect(errors['newAccessKey.secretAccessKey']).toContain('40 characters');
  });

  it('refuses an unknown kind and fields of another kind', () => {
    expect(editProfileInput.safeParse({ ...edit, kind: 'sandbox' }).success).toBe(false);
    expect(editProfileInput.safeParse({ ...edit, roleArn: 'x' }).success).toBe(false);
  });
});
