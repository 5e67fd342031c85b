import { GetKeyLastUsageCommand, KMSClient } from '@aws-sdk/client-kms';
import { KeywardError } from '../../src-shared/errors';
import type { KeyLastUsage, KeyRef } from '../../src-shared/models/kms-key';
import type { ClientFactory } from '../aws/client-factory';
import type { AwsPrincipal } from '../aws/principal';
import type { CallContext } from '../operations/operation-context';
import { toSerializedError } from '../operations/to-serialized-error';
import { call } from './calls';

export interface LastUsageReader {
  read(keys: readonly KeyRef[], ctx: CallContext): Promise<KeyLastUsage[]>;
}

/** Endpoints that do not have GetKeyLastUsage answer so (older partitions, emulators). */
const NOT_HERE = new Set(['UnknownOperationException', 'InvalidAction', 'UnsupportedOperation']);

/**
 * GetKeyLastUsage for the rows the page shows. Its quota (5 requests a second per account and
 * Region, in src-shared/quotas/kms.ts) is kept by the scheduler, so 50 keys of one account and
 * Region take about ten seconds; the answers come back together.
 */
export function createLastUsageReader(deps: {
  aws: ClientFactory;
  principal: (profileId: string) => Promise<AwsPrincipal>;
}): LastUsageReader {
  async function readOne(ref: KeyRef, ctx: CallContext): Promise<KeyLastUsage> {
    const none = { operation: null, timestamp: null, trackingStartDate: null, error: null };
    try {
      const kms = await deps.aws.client(KMSClient, await deps.principal(ref.profileId), ref.region);
      const out = await call(() => kms.send(new GetKeyLastUsageCommand({ KeyId: ref.keyId })));
      const used = out.KeyLastUsage?.Timestamp;
      return {
        ...ref,
        ...none,
        status: used ? 'used' : 'never-used',
        operation: out.KeyLastUsage?.Operation ?? null,
        timestamp: used ? used.toISOString() : null,
        trackingStartDate: out.TrackingStartDate?.toISOString() ?? null,
      };
    } catch (error) {
      if (error instanceof KeywardError && NOT_HERE.has(error.aws?.code ?? '')) {
        return { ...ref, ...none, status: 'unavailable' };
      }
      return {
        ...ref,
        ...none,
        status: 'failed',
        error: toSerializedError(error, ctx.logger, 'keys.lastUsage'),
      };
    }
  }
  return {
    async read(keys, ctx) {
      return Promise.all(keys.map((ref) => readOne(ref, ctx)));
    },
  };
}
