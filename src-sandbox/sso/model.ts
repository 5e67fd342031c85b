import { defineKind, GLOBAL_REGION } from '../state/store-types';

/**
 * IAM Identity Center documents. Everything lives in one scope (the sandbox's metadata scope for
 * Identity Center): the instance, its directory, the OIDC clients, device authorizations and tokens.
 */
export const SSO_SCOPE = { account: 'sso', region: GLOBAL_REGION } as const;

export interface SsoInstanceDoc {
  /** The access portal URL users sign in at, e.g. `https://keyward-demo.awsapps.com/start`. */
  readonly startUrl: string;
  readonly region: string;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  /** The management account that owns the instance (its CloudTrail records portal calls). */
  readonly managementAccount: string;
}

export interface SsoUserDoc {
  readonly userName: string;
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
}

/** A permission set provisioned into an account, as the IAM role Identity Center creates there. */
export interface SsoAssignmentDoc {
  readonly userName: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly accountEmail: string;
  readonly permissionSet: string;
  /** `AWSReservedSSO_<PermissionSet>_<16 hex>` under path `/aws-reserved/sso.amazonaws.com/`. */
  readonly roleName: string;
  /** Session length of the permission set, seconds. */
  readonly sessionDurationSeconds: number;
}

export interface SsoClientDoc {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientName: string;
  readonly scopes: readonly string[];
  /** epoch seconds */
  readonly issuedAt: number;
  /** epoch seconds */
  readonly expiresAt: number;
}

export interface SsoDeviceAuthDoc {
  readonly deviceCode: string;
  /** `ABCD-EFGH` */
  readonly userCode: string;
  readonly clientId: string;
  readonly startUrl: string;
  /** epoch ms */
  readonly expiresAt: number;
  readonly intervalSeconds: number;
  /** epoch ms of the last poll; polls closer than the interval get `slow_down`. */
  readonly lastPollAt: number | null;
  readonly status: 'pending' | 'approved' | 'denied' | 'used';
  /** Who approved it (the demo user). */
  readonly userName: string | null;
}

export interface SsoTokenDoc {
  readonly token: string;
  readonly kind: 'access' | 'refresh';
  readonly clientId: string;
  readonly userName: string;
  readonly startUrl: string;
  readonly scopes: readonly string[];
  /** epoch ms */
  readonly expiresAt: number;
  /** Access and refresh tokens of one sign-in share it; Logout revokes them together. */
  readonly sessionId: string;
}

export const SSO_INSTANCE = defineKind<SsoInstanceDoc>('sso:instance');
export const SSO_USER = defineKind<SsoUserDoc>('sso:user');
export const SSO_ASSIGNMENT = defineKind<SsoAssignmentDoc>('sso:assignment');
export const SSO_CLIENT = defineKind<SsoClientDoc>('sso:client');
export const SSO_DEVICE_AUTH = defineKind<SsoDeviceAuthDoc>('sso:device-authorization');
export const SSO_TOKEN = defineKind<SsoTokenDoc>('sso:token');
