import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { accessKey } from './key-access';
import { KMS_KEY_USAGE, scopeOf } from './model';
import { KEY_ID } from './schemas';

/**
 * GetKeyLastUsage: the last successful cryptographic use (useKey records it). The sandbox has
 * tracked usage since each key was created, so TrackingStartDate is the creation date.
 * `CloudTrailEventId` is omitted: the event id is assigned after the handler runs (deviation).
 */
export const getKeyLastUsage = defineOperation({
  input: z.object({ KeyId: KEY_ID }),
  readOnly: true,
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'GetKeyLastUsage');
    const usage = ctx.store.get(KMS_KEY_USAGE, scopeOf(key), key.keyId);
    return {
      KeyId: key.keyId,
      KeyLastUsage: usage
        ? {
            Operation: usage.operation,
            Timestamp: new Date(usage.timestamp),
            KmsRequestId: usage.requestId,
          }
        : {},
      TrackingStartDate: new Date(key.creationDate),
      KeyCreationDate: new Date(key.creationDate),
    };
  },
  responseElements: null,
});
