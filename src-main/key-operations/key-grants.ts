import {
  CreateGrantCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
  type GrantOperation,
} from '@aws-sdk/client-kms';
import { z } from 'zod';
import { parseAws } from './aws-shapes';
import { describeKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';

export interface GrantRequest {
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string | undefined;
  readonly operations: readonly GrantOperation[];
  readonly name?: string | undefined;
  readonly constraints?:
    | {
        readonly encryptionContextSubset?: Record<string, string> | undefined;
        readonly encryptionContextEquals?: Record<string, string> | undefined;
      }
    | undefined;
}

const createdSchema = z.object({ GrantId: z.string().min(1) });

export async function createGrant(ctx: KeyContext, ref: KeyPlace, grant: GrantRequest) {
  const key = await describeKey(ctx, ref);
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const c = grant.constraints;
  const answer = await kms.send(
    new CreateGrantCommand({
      KeyId: key.arn,
      GranteePrincipal: grant.granteePrincipal,
      Operations: [...grant.operations],
      ...(grant.retiringPrincipal ? { RetiringPrincipal: grant.retiringPrincipal } : {}),
      ...(grant.name ? { Name: grant.name } : {}),
      ...(c
        ? {
            Constraints: {
              ...(c.encryptionContextSubset
                ? { EncryptionContextSubset: c.encryptionContextSubset }
                : {}),
              ...(c.encryptionContextEquals
                ? { EncryptionContextEquals: c.encryptionContextEquals }
                : {}),
            },
          }
        : {}),
    }),
  );
  // The grant token is not kept or shown: it only speeds up the grantee's first use.
  return { grantId: parseAws(createdSchema, answer, 'CreateGrant').GrantId };
}

export async function revokeGrant(ctx: KeyContext, ref: KeyPlace, grantId: string) {
  const key = await describeKey(ctx, ref);
  await (
    await kmsOf(ctx, ref.profileId, ref.region)
  ).send(new RevokeGrantCommand({ KeyId: key.arn, GrantId: grantId }));
  return { grantId, ended: 'revoked' as const };
}

export async function retireGrant(ctx: KeyContext, ref: KeyPlace, grantId: string) {
  const key = await describeKey(ctx, ref);
  await (
    await kmsOf(ctx, ref.profileId, ref.region)
  ).send(new RetireGrantCommand({ KeyId: key.arn, GrantId: grantId }));
  return { grantId, ended: 'retired' as const };
}
