import { z } from 'zod';
import type { ServiceContext } from '../types';
import { ec2Error, gate, required, STRING_LIST } from './common';
import type { SharePermissions } from './model';
import {
  applyPermissionChange,
  permissionItems,
  readPermissionChange,
  type PermissionChangeRequest,
  type PermissionPlan,
} from './permissions';

/**
 * The sharing attribute of an EC2 resource: an AMI's `launchPermission` or a snapshot's
 * `createVolumePermission`. Describe/Modify/Reset of either read and apply it the same way; what
 * differs is named here.
 */
export interface ShareableResource<Doc> {
  /** The attribute as `Attribute` names it, e.g. `launchPermission`. */
  readonly attribute: string;
  /** The structured parameter, e.g. `LaunchPermission` (also named when no change is given). */
  readonly parameter: string;
  /** The id parameter, e.g. `ImageId`. */
  readonly idParameter: string;
  /** `Describe`/`Modify`/`Reset` + this + `Attribute` is the IAM action, e.g. `Image`. */
  readonly action: string;
  findOwn(ctx: ServiceContext, id: string): Doc;
  arn(ctx: ServiceContext, doc: Doc): string;
  permissions(doc: Doc): SharePermissions;
  putPermissions(ctx: ServiceContext, doc: Doc, permissions: SharePermissions): void;
  /** Throws the resource's own error when `plan` would share `doc` in a way AWS refuses. */
  checkSharing(ctx: ServiceContext, doc: Doc, plan: PermissionPlan): void;
}

/** The legacy-form fields of a Modify*Attribute call, common to both resources. */
export const SHARE_CHANGE_FIELDS = {
  Attribute: z.string().optional(),
  OperationType: z.string().optional(),
  UserId: STRING_LIST,
  UserGroup: STRING_LIST,
};

/** A Modify*Attribute call's sharing change (the structured form under `structured`). */
export interface ShareChangeInput extends Omit<PermissionChangeRequest, 'attributeName'> {
  readonly DryRun?: boolean | undefined;
}

/** A Describe/Reset*Attribute call: the resource's id, the attribute, DryRun. */
export interface AttributeCall {
  readonly id?: string | undefined;
  readonly Attribute?: string | undefined;
  readonly DryRun?: boolean | undefined;
}

export function requireAttribute(value: string | undefined, allowed: readonly string[]): string {
  const attribute = required(value, 'Attribute');
  if (!allowed.includes(attribute)) {
    throw ec2Error(
      'InvalidParameterValue',
      `Value (${attribute}) for parameter attribute is invalid.`,
    );
  }
  return attribute;
}

/** Describe*Attribute up to the answer: the attribute asked for (one of `readable`) and the doc. */
export function readAttribute<Doc>(
  ctx: ServiceContext,
  resource: ShareableResource<Doc>,
  input: AttributeCall,
  readable: readonly string[],
): { attribute: string; doc: Doc } {
  const attribute = requireAttribute(input.Attribute, readable);
  // Only the owner may read the attribute (UNCONFIRMED which error others get).
  const doc = resource.findOwn(ctx, required(input.id, resource.idParameter));
  gate(ctx, input.DryRun, `Describe${resource.action}Attribute`, [resource.arn(ctx, doc)]);
  return { attribute, doc };
}

/** The sharing attribute under its XML name: `[{userId}…, {group: 'all'}]`. */
export function sharingItems<Doc>(
  resource: ShareableResource<Doc>,
  doc: Doc,
): ({ userId: string } | { group: string })[] {
  return permissionItems(resource.permissions(doc));
}

/** Modify*Attribute of the sharing attribute on a found `doc`: read, check, authorize, apply. */
export function changeSharing<Doc>(
  ctx: ServiceContext,
  resource: ShareableResource<Doc>,
  doc: Doc,
  input: ShareChangeInput,
): { return: true } {
  const plan = readPermissionChange({ ...input, attributeName: resource.parameter });
  resource.checkSharing(ctx, doc, plan);
  gate(ctx, input.DryRun, `Modify${resource.action}Attribute`, [resource.arn(ctx, doc)]);
  resource.putPermissions(ctx, doc, applyPermissionChange(resource.permissions(doc), plan));
  return { return: true };
}

/** Reset*Attribute: nobody else may use the resource any more. */
export function resetSharing<Doc>(
  ctx: ServiceContext,
  resource: ShareableResource<Doc>,
  input: AttributeCall,
): { return: true } {
  requireAttribute(input.Attribute, [resource.attribute]);
  const doc = resource.findOwn(ctx, required(input.id, resource.idParameter));
  gate(ctx, input.DryRun, `Reset${resource.action}Attribute`, [resource.arn(ctx, doc)]);
  resource.putPermissions(ctx, doc, { userIds: [], public: false });
  return { return: true };
}
