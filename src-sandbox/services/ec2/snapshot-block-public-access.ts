import { z } from 'zod';
import { defineKind } from '../../state/store-types';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { DRY_RUN, ec2Error, gate } from './common';

/**
 * EBS "block public access for snapshots", per account and Region (reference §3.3 sharing
 * table). `block-new-sharing` and `block-all-sharing` both refuse making a snapshot public;
 * the sandbox does not hide already-public snapshots under `block-all-sharing` (deviation).
 */
const STATES = ['block-all-sharing', 'block-new-sharing'] as const;
type BlockState = (typeof STATES)[number] | 'unblocked';

const SNAPSHOT_BLOCK_PUBLIC_ACCESS = defineKind<{ readonly state: BlockState }>(
  'ec2:snapshot-block-public-access',
);
const ID = 'settings';

function stateOf(ctx: ServiceContext): BlockState {
  const scope = { account: ctx.account, region: ctx.region };
  return ctx.store.get(SNAPSHOT_BLOCK_PUBLIC_ACCESS, scope, ID)?.state ?? 'unblocked';
}

function setState(ctx: ServiceContext, state: BlockState): { state: BlockState } {
  const scope = { account: ctx.account, region: ctx.region };
  ctx.store.put(SNAPSHOT_BLOCK_PUBLIC_ACCESS, scope, ID, { state });
  return { state };
}

/** ModifySnapshotAttribute: making a snapshot public while blocked (message UNCONFIRMED). */
export function requirePublicSharingAllowed(ctx: ServiceContext): void {
  if (stateOf(ctx) !== 'unblocked') {
    throw ec2Error(
      'OperationNotPermitted',
      `Block public access for snapshots is enabled in ${ctx.region} (${stateOf(ctx)}); snapshots cannot be shared publicly.`,
    );
  }
}

export const getSnapshotBlockPublicAccessState = defineOperation({
  input: z.object({ DryRun: DRY_RUN }),
  readOnly: true,
  handler: (ctx, input) => {
    gate(ctx, input.DryRun, 'GetSnapshotBlockPublicAccessState', []);
    return { state: stateOf(ctx) };
  },
});

export const enableSnapshotBlockPublicAccess = defineOperation({
  input: z.object({ State: z.enum(STATES).optional(), DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    if (input.State === undefined) {
      throw ec2Error('MissingParameter', "The request must contain the parameter 'State'");
    }
    gate(ctx, input.DryRun, 'EnableSnapshotBlockPublicAccess', []);
    return setState(ctx, input.State);
  },
});

export const disableSnapshotBlockPublicAccess = defineOperation({
  input: z.object({ DryRun: DRY_RUN }),
  handler: (ctx, input) => {
    gate(ctx, input.DryRun, 'DisableSnapshotBlockPublicAccess', []);
    return setState(ctx, 'unblocked');
  },
});
