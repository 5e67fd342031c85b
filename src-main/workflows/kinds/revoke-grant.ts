import { CreateGrantCommand, RevokeGrantCommand, type GrantOperation } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { KeywardError } from '../../../src-shared/errors';
import type { GrantEntry } from '../../../src-shared/models/key-detail';
import { kmsOf } from '../../key-operations/key-context';
import { listGrants } from '../../key-operations/key-lists';
import type { StepEnv, StepKind, StepPlace } from '../step-kind';

const context = z.record(z.string(), z.string());
const params = z
  .object({
    /** The key's ARN (in the step's Region). */
    keyId: z.string().min(1),
    grantId: z.string().min(1),
    /** What undo needs to make the grant again. */
    granteePrincipal: z.string().min(1),
    retiringPrincipal: z.string().min(1).optional(),
    operations: z.array(z.string().min(1)).min(1),
    constraints: z
      .object({
        EncryptionContextSubset: context.optional(),
        EncryptionContextEquals: context.optional(),
      })
      .strict()
      .optional(),
    name: z.string().min(1).optional(),
  })
  .strict();
type Params = z.output<typeof params>;

async function grantsOf(place: StepPlace, p: Params): Promise<GrantEntry[]> {
  return listGrants(await kmsOf(place.ctx, place.profileId, place.region), p.keyId);
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** A grant that gives what this one gave: the one undo made, or the original still there. */
function remade(grant: GrantEntry, p: Params): boolean {
  const subset = grant.constraints?.encryptionContextSubset ?? undefined;
  const equals = grant.constraints?.encryptionContextEquals ?? undefined;
  return (
    grant.granteePrincipal === p.granteePrincipal &&
    (grant.retiringPrincipal ?? undefined) === p.retiringPrincipal &&
    sameSet(grant.operations, p.operations) &&
    JSON.stringify(subset) === JSON.stringify(p.constraints?.EncryptionContextSubset) &&
    JSON.stringify(equals) === JSON.stringify(p.constraints?.EncryptionContextEquals)
  );
}

async function createAgain(env: StepEnv, p: Params): Promise<void> {
  if ((await grantsOf(env, p)).some((grant) => remade(grant, p))) return;
  const kms = await kmsOf(env.ctx, env.profileId, env.region);
  await kms.send(
    new CreateGrantCommand({
      KeyId: p.keyId,
      GranteePrincipal: p.granteePrincipal,
      RetiringPrincipal: p.retiringPrincipal,
      Operations: p.operations as GrantOperation[],
      Constraints: p.constraints,
      Name: p.name,
    }),
  );
}

/** Revokes a grant on a key; undo creates it again (KMS gives the new grant a new id). */
export const revokeGrantKind: StepKind<Params> = {
  name: 'revoke-grant',
  params,
  outputs: [],
  title: (p) =>
    `Revoke the grant${p.name ? ` “${p.name}”` : ''} for ${p.granteePrincipal} on key ${p.keyId}`,
  action: (p) => ({
    service: 'kms',
    operation: 'RevokeGrant',
    params: { KeyId: p.keyId, GrantId: p.grantId },
  }),
  cli: (p) => ({ args: ['kms', 'revoke-grant', '--key-id', p.keyId, '--grant-id', p.grantId] }),
  async check(place, p) {
    const there = (await grantsOf(place, p)).some((grant) => grant.grantId === p.grantId);
    return [
      there
        ? { stepId: place.stepId, status: 'ok', message: `Grant ${p.grantId} is on ${p.keyId}.` }
        : {
            stepId: place.stepId,
            status: 'warning',
            message: `Grant ${p.grantId} is no longer on ${p.keyId}: it was retired or revoked already.`,
          },
    ];
  },
  async run(env, p) {
    if ((await grantsOf(env, p)).some((grant) => grant.grantId === p.grantId)) {
      const kms = await kmsOf(env.ctx, env.profileId, env.region);
      await kms.send(new RevokeGrantCommand({ KeyId: p.keyId, GrantId: p.grantId }));
      env.checkpoint('sent');
    }
    return {};
  },
  async verify(env, p) {
    if ((await grantsOf(env, p)).some((grant) => grant.grantId === p.grantId)) {
      throw new KeywardError('invalid-state', `Grant ${p.grantId} is still on ${p.keyId}.`);
    }
  },
  undo: {
    describe: (p) =>
      `Creates the grant again for ${p.granteePrincipal} with the same operations and constraints; KMS gives it a new grant id.`,
    deletes: false,
    run: (env, p) => createAgain(env, p),
  },
};
