/**
 * The sandbox's demo IAM Identity Center, as the add-profile form offers it (one-click fill) and
 * the sandbox seeds it. Not secrets: sign-in still needs the browser's Allow.
 */
export const SANDBOX_SSO_DEMO = {
  startUrl: 'https://keyward-demo.awsapps.com/start',
  ssoRegion: 'us-east-1',
  accountId: '111111111111',
  roleName: 'AdministratorAccess',
} as const;
