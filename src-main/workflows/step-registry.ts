import { KeywardError } from '../../src-shared/errors';
import { addIdentityPolicyKind } from './kinds/add-identity-policy';
import { addCreateVolumePermissionKind } from './kinds/add-create-volume-permission';
import { addKeyPolicyStatementKind } from './kinds/add-key-policy-statement';
import { copySnapshotKind } from './kinds/copy-snapshot';
import { copyTagsKind } from './kinds/copy-tags';
import { createSnapshotKind } from './kinds/create-snapshot';
import { deleteSnapshotKind } from './kinds/delete-snapshot';
import { createVolumeKind } from './kinds/create-volume';
import { enableKeyKind } from './kinds/enable-key';
import { waitSnapshotCompletedKind } from './kinds/wait-snapshot-completed';
import { addLaunchPermissionKind } from './kinds/add-launch-permission';
import { copyImageKind } from './kinds/copy-image';
import { waitImageAvailableKind } from './kinds/wait-image-available';
import { launchInstanceKind } from './kinds/launch-instance';
import { removeCreateVolumePermissionKind } from './kinds/remove-create-volume-permission';
import { removeKeyPolicyPrincipalKind } from './kinds/remove-key-policy-principal';
import { removeLaunchPermissionKind } from './kinds/remove-launch-permission';
import { revokeGrantKind } from './kinds/revoke-grant';
import type { AnyStepKind } from './step-kind';

export interface StepRegistry {
  kind(name: string): AnyStepKind;
  /** The kind's parameters, validated: a journal written by another version fails here, clearly. */
  params(name: string, raw: unknown): unknown;
}

export function createStepRegistry(kinds: readonly AnyStepKind[]): StepRegistry {
  const byName = new Map<string, AnyStepKind>();
  for (const kind of kinds) {
    if (byName.has(kind.name)) throw new Error(`step kind ${kind.name} is registered twice`);
    byName.set(kind.name, kind);
  }
  const kind = (name: string): AnyStepKind => {
    const found = byName.get(name);
    if (!found) {
      throw new KeywardError('validation', `This Keyward does not know the step kind "${name}".`, {
        hint: 'The run was planned by another version of Keyward: update Keyward to resume it.',
      });
    }
    return found;
  };
  return {
    kind,
    params(name, raw) {
      const parsed = kind(name).params.safeParse(raw);
      if (!parsed.success) {
        throw new KeywardError(
          'validation',
          `The parameters of a ${name} step are not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        );
      }
      return parsed.data;
    },
  };
}

/** Every step kind main knows. */
export const stepKinds = createStepRegistry([
  copySnapshotKind,
  waitSnapshotCompletedKind,
  copyTagsKind,
  enableKeyKind,
  addKeyPolicyStatementKind,
  addCreateVolumePermissionKind,
  addIdentityPolicyKind,
  createVolumeKind,
  createSnapshotKind,
  deleteSnapshotKind,
  addLaunchPermissionKind,
  copyImageKind,
  waitImageAvailableKind,
  launchInstanceKind,
  removeCreateVolumePermissionKind,
  removeLaunchPermissionKind,
  removeKeyPolicyPrincipalKind,
  revokeGrantKind,
]);
