// Fixture AWS CLI files for the import tests: one profile of every shape the import maps.

// Example keys (AWS documentation style) for profiles that are only scanned, never called.
export const EXAMPLE_ID = 'AKIAIOSFODNN7EXAMPLE';
export const EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const TEMP_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';

/** The credentials file: a real (sandbox) key for `dev`, example keys, temporary keys, half a pair. */
export function fixtureCredentials(devKey: { id: string; secret: string }): string {
  return [
    '# Work keys. Keep this comment.',
    '[dev]',
    `aws_access_key_id = ${devKey.id}`,
    `aws_secret_access_key = ${devKey.secret}`,
    '; a trailing comment in dev',
    '',
    '[static-example]',
    `aws_access_key_id=${EXAMPLE_ID}`,
    `aws_secret_access_key=${EXAMPLE_SECRET}`,
    '',
    '[temporary]',
    'aws_access_key_id = ASIAIOSFODNN7EXAMPLE',
    `aws_secret_access_key = ${TEMP_SECRET}`,
    'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLETOKEN',
    '',
    '[half]',
    `aws_access_key_id = ${EXAMPLE_ID}`,
    '',
  ].join('\n');
}

/** The config file: roles, SSO (session and legacy), credential_process and broken profiles. */
export function fixtureConfig(helperPath: string): string {
  return [
    '[default]',
    'region = eu-west-1',
    '',
    '[profile dev]',
    'region = us-east-1',
    '',
    '[profile backup-role]',
    'role_arn = arn:aws:iam::222222222222:role/BackupOperator',
    'source_profile = dev',
    'external_id = keyward-demo',
    '',
    '[profile break-glass]',
    'role_arn = arn:aws:iam::111111111111:role/BreakGlassAdmin',
    'source_profile = dev',
    'mfa_serial = arn:aws:iam::111111111111:mfa/admin',
    'region = us-west-2',
    '',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = eu-central-1',
    'sso_registration_scopes = sso:account:access',
    '',
    '[profile sso-dev]',
    'sso_session = corp',
    'sso_account_id = 111111111111',
    'sso_role_name = KmsAdmin',
    '',
    '[profile sso-legacy]',
    'sso_start_url = https://legacy.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_account_id = 222222222222',
    'sso_role_name = ReadOnly',
    '',
    '[profile vault]',
    `credential_process = ${process.execPath} ${helperPath}`,
    '',
    '[profile orphan-role]',
    'role_arn = arn:aws:iam::111111111111:role/Missing',
    'source_profile = nowhere',
    '',
    '[profile garbage]',
    'sso_start_url = https://x.awsapps.com/start',
    'sso_region = us-east-1',
    `sso_account_id = ${'9'.repeat(300)}`,
    'sso_role_name = R',
    '',
    '[profile via-keyward]',
    'role_arn = arn:aws:iam::222222222222:role/BackupOperator',
    'source_profile = kw-admin',
    'external_id = keyward-demo',
    '',
    '[profile broken-sso]',
    'sso_session = missing',
    'sso_account_id = 111111111111',
    'sso_role_name = Admin',
    '',
  ].join('\n');
}
