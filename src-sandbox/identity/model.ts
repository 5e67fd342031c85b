import { defineKind } from '../state/store-types';
import type { Caller } from './caller';

/** IAM and STS documents (scope: `{ account, region: GLOBAL_REGION }`). */

export interface AccountDoc {
  readonly id: string;
  /** Demo-world name: `prod`, `backup`, `partner`. */
  readonly name: string;
  readonly alias?: string;
}

export interface IamUserDoc {
  readonly userName: string;
  readonly userId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
  /** Inline policies: name → JSON text as submitted. */
  readonly policies: Readonly<Record<string, string>>;
  /** Attached managed policy ARNs, in attach order. */
  readonly attachedPolicies?: readonly string[];
  /** Names of the groups the user is in, in the order it was added (kept on the user so
   * authorising a request reads only its own groups). */
  readonly groups?: readonly string[];
}

export interface IamGroupDoc {
  readonly groupName: string;
  readonly groupId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
  readonly policies: Readonly<Record<string, string>>;
  /** Attached managed policy ARNs, in attach order. */
  readonly attachedPolicies?: readonly string[];
}

export interface IamRoleDoc {
  readonly roleName: string;
  readonly roleId: string;
  readonly arn: string;
  readonly path: string;
  readonly createDate: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
  readonly assumeRolePolicyDocument: string;
  readonly policies: Readonly<Record<string, string>>;
  /** Attached managed policy ARNs, in attach order. */
  readonly attachedPolicies?: readonly string[];
}

export interface AccessKeyDoc {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Absent for the account root's keys. */
  readonly userName?: string;
  readonly status: 'Active' | 'Inactive';
  readonly createDate: string;
}

export interface MfaDeviceDoc {
  /** `arn:aws:iam::<acct>:mfa/<name>` */
  readonly serialNumber: string;
  readonly userName: string;
  /** RFC 6238 TOTP secret, base32. */
  readonly secretBase32: string;
  readonly enableDate: string;
}

/** Temporary credentials issued by STS (AssumeRole, GetSessionToken). */
export interface SessionDoc {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** epoch ms */
  readonly expiresAt: number;
  readonly caller: Caller;
}

export const ACCOUNT = defineKind<AccountDoc>('account');
export const IAM_USER = defineKind<IamUserDoc>('iam:user');
export const IAM_ROLE = defineKind<IamRoleDoc>('iam:role');
export const IAM_GROUP = defineKind<IamGroupDoc>('iam:group');
export const ACCESS_KEY = defineKind<AccessKeyDoc>('iam:access-key');
export const MFA_DEVICE = defineKind<MfaDeviceDoc>('iam:mfa-device');
export const STS_SESSION = defineKind<SessionDoc>('sts:session');
