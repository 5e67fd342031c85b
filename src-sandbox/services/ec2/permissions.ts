import { z } from 'zod';
import { ACCOUNT_ID, ec2Error, missingParameter } from './common';
import type { SharePermissions } from './model';

const PERMISSION_ITEM = z.object({
  UserId: z.string().optional(),
  Group: z.string().optional(),
  OrganizationArn: z.string().optional(),
  OrganizationalUnitArn: z.string().optional(),
});

/** `CreateVolumePermission` / `LaunchPermission` structured form: `{Add: [...], Remove: [...]}`. */
export const PERMISSION_MODIFICATIONS = z
  .object({
    Add: z.array(PERMISSION_ITEM).optional(),
    Remove: z.array(PERMISSION_ITEM).optional(),
  })
  .optional();

export type PermissionModifications = z.infer<typeof PERMISSION_MODIFICATIONS>;

export interface PermissionChange {
  readonly userIds: readonly string[];
  readonly public: boolean;
}

export interface PermissionPlan {
  readonly add: PermissionChange;
  readonly remove: PermissionChange;
}

function collect(
  items: readonly z.infer<typeof PERMISSION_ITEM>[],
  users: readonly string[],
  groups: readonly string[],
): PermissionChange {
  const userIds = [...users];
  const groupNames = [...groups];
  for (const item of items) {
    if (item.OrganizationArn !== undefined || item.OrganizationalUnitArn !== undefined) {
      throw ec2Error(
        'InvalidParameterValue',
        'Sharing with organizations is not supported by this sandbox.',
      );
    }
    if (item.UserId !== undefined) userIds.push(item.UserId);
    if (item.Group !== undefined) groupNames.push(item.Group);
  }
  for (const id of userIds) {
    if (!ACCOUNT_ID.test(id)) throw ec2Error('InvalidUserID.Malformed', `Invalid user id: '${id}'`);
  }
  for (const g of groupNames) {
    // UNCONFIRMED code for a group other than `all` (reference §3.3).
    if (g !== 'all') throw ec2Error('InvalidParameterValue', `Invalid value '${g}' for group`);
  }
  return { userIds: [...new Set(userIds)], public: groupNames.length > 0 };
}

/** A Modify*Attribute permission change; `attributeName` names its structured form. */
export interface PermissionChangeRequest {
  readonly attributeName: string;
  readonly structured: PermissionModifications;
  readonly Attribute?: string | undefined;
  readonly OperationType?: string | undefined;
  readonly UserId?: readonly string[] | undefined;
  readonly UserGroup?: readonly string[] | undefined;
}

/**
 * Reads both forms of a permission change (reference §1.5): structured `X.Add.N.UserId`, or the
 * legacy `Attribute` + `OperationType` + `UserId.N` / `UserGroup.N`.
 */
export function readPermissionChange(input: PermissionChangeRequest): PermissionPlan {
  const legacyUsers = input.UserId ?? [];
  const legacyGroups = input.UserGroup ?? [];
  const legacy = legacyUsers.length > 0 || legacyGroups.length > 0;
  if (legacy) {
    if (input.OperationType === undefined) throw missingParameter('OperationType');
    if (input.OperationType !== 'add' && input.OperationType !== 'remove') {
      throw ec2Error(
        'InvalidParameterValue',
        `Value (${input.OperationType}) for parameter operationType is invalid.`,
      );
    }
  }
  const none: PermissionChange = { userIds: [], public: false };
  const add = collect(
    input.structured?.Add ?? [],
    legacy && input.OperationType === 'add' ? legacyUsers : [],
    legacy && input.OperationType === 'add' ? legacyGroups : [],
  );
  const remove = collect(
    input.structured?.Remove ?? [],
    legacy && input.OperationType === 'remove' ? legacyUsers : [],
    legacy && input.OperationType === 'remove' ? legacyGroups : [],
  );
  const count = add.userIds.length + remove.userIds.length + (add.public ? 1 : 0);
  if (count === 0 && !remove.public) {
    throw missingParameter(input.attributeName);
  }
  if (count > 500) {
    throw ec2Error('InvalidParameterValue', 'At most 500 permission changes are allowed per call.');
  }
  return { add: add.userIds.length || add.public ? add : none, remove };
}

export function applyPermissionChange(
  current: SharePermissions,
  plan: PermissionPlan,
): SharePermissions {
  const users = current.userIds.filter((u) => !plan.remove.userIds.includes(u));
  for (const u of plan.add.userIds) if (!users.includes(u)) users.push(u);
  const isPublic = plan.add.public ? true : plan.remove.public ? false : current.public;
  return { userIds: users, public: isPublic };
}

/** `[{userId}…, {group: 'all'}]` under XML names. */
export function permissionItems(p: SharePermissions): ({ userId: string } | { group: string })[] {
  return [...(p.public ? [{ group: 'all' }] : []), ...p.userIds.map((userId) => ({ userId }))];
}
