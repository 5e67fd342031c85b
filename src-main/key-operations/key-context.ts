import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import type { Logger } from '../log/logger';
import { parseAws } from './aws-shapes';

/** What every key operation needs: the access layer, who a profile is, and where to keep files. */
export interface KeyContext {
  readonly aws: ClientFactory;
  readonly principal: (profileId: string) => Promise<AwsPrincipal>;
  /** The app's data directory (key policy versions live under it). */
  readonly dataDir: string;
  readonly logger: Logger;
}

export const kmsOf = async (ctx: KeyContext, profileId: string, region: string) =>
  ctx.aws.client(KMSClient, await ctx.principal(profileId), region);

export const ec2Of = async (ctx: KeyContext, profileId: string, region: string) =>
  ctx.aws.client(EC2Client, await ctx.principal(profileId), region);

const callerSchema = z.object({ Arn: z.string().min(1), Account: z.string().regex(/^\d{12}$/) });

/** Who the profile is right now (the lockout check and the policy history name the caller). */
export async function callerOf(
  ctx: KeyContext,
  profileId: string,
  region: string,
): Promise<{ arn: string; account: string }> {
  const sts = await ctx.aws.client(STSClient, await ctx.principal(profileId), region);
  const answer = parseAws(
    callerSchema,
    await sts.send(new GetCallerIdentityCommand({})),
    'GetCallerIdentity',
  );
  return { arn: answer.Arn, account: answer.Account };
}
