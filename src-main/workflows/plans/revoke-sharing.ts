import type { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { SharedItem } from '../../../src-shared/models/shared-item';
import type { StepSpec } from '../../../src-shared/models/workflow-plan';
import type { revokeSharingRequest } from '../../../src-shared/schemas/workflow-request';
import type { KeyContext } from '../../key-operations/key-context';
import { findShared } from '../../sharing/find-shared';
import type { PlanDraft } from './plan-draft';

type RevokeSharingRequest = z.output<typeof revokeSharingRequest>;

/** The step that takes one found item away from the account. */
function stepOf(item: SharedItem, accountId: string, index: number): StepSpec {
  const at = { profileId: item.profileId, region: item.region };
  switch (item.kind) {
    case 'snapshot':
      return {
        id: `snapshot-${index}`,
        kind: 'remove-create-volume-permission',
        ...at,
        params: { snapshotId: item.snapshotId, accountId },
      };
    case 'ami':
      return {
        id: `ami-${index}`,
        kind: 'remove-launch-permission',
        ...at,
        params: { imageId: item.imageId, accountId },
      };
    case 'grant':
      return {
        id: `grant-${index}`,
        kind: 'revoke-grant',
        ...at,
        params: {
          keyId: item.keyArn,
          grantId: item.grantId,
          granteePrincipal: item.granteePrincipal,
          operations: item.operations,
          ...(item.retiringPrincipal ? { retiringPrincipal: item.retiringPrincipal } : {}),
          ...(item.constraints ? { constraints: item.constraints } : {}),
          ...(item.name ? { name: item.name } : {}),
        },
      };
    case 'key-policy':
      return {
        id: `key-policy-${index}`,
        kind: 'remove-key-policy-principal',
        ...at,
        params: { keyId: item.keyArn, accountId },
      };
  }
}

/**
 * Wizard 5: everything the scope shares with an account (found again now, so the plan is what is
 * there), but what the user unticked, taken away in one run: permissions first, then grants,
 * then the key policy statements.
 */
export async function planRevokeSharing(
  ctx: KeyContext,
  request: RevokeSharingRequest,
): Promise<PlanDraft> {
  const { accountId } = request;
  const found = await findShared(ctx, accountId, request.scope);
  const failed = found.problems[0];
  if (failed) {
    throw new KeywardError(
      'validation',
      `${failed.profileId} in ${failed.region} could not be searched: ${failed.error.message}`,
      {
        hint: 'Leave that profile and Region out of the scope, or fix its access, then plan again.',
      },
    );
  }
  const excluded = new Set(request.exclusions);
  const items = found.items.filter((item) => !excluded.has(item.id));
  if (items.length === 0) {
    throw new KeywardError('validation', `Nothing left to revoke from account ${accountId}.`, {
      hint: 'Tick at least one of the items found, or search another scope.',
    });
  }
  const profiles = [...new Set(items.map((item) => item.profileId))];
  const regions = [...new Set(items.map((item) => item.region))];
  return {
    job: 'revoke-sharing',
    title: `Stop sharing ${items.length} item(s) with account ${accountId}`,
    variables: [
      ...profiles.map((value, index) => ({
        name: profiles.length === 1 ? 'PROFILE' : `PROFILE_${index + 1}`,
        kind: 'profile' as const,
        value,
        about: 'An AWS CLI profile whose resources are shared with the account',
      })),
      ...regions.map((value, index) => ({
        name: regions.length === 1 ? 'REGION' : `REGION_${index + 1}`,
        kind: 'region' as const,
        value,
        about: 'A Region where something is shared with the account',
      })),
    ],
    steps: items.map((item, index) => stepOf(item, accountId, index + 1)),
  };
}
