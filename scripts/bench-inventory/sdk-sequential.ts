import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListResourceTagsCommand,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';

export interface BaselineCell {
  readonly profile: string;
  readonly region: string;
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface SequentialSample {
  /** Every cell's ListKeys + ListAliases, measured in full. */
  readonly listMs: number;
  readonly keysListed: number;
  readonly sampledKeys: number;
  readonly sampleMs: number;
  /** Calls per key in the sample (3 or 4: rotation status only for customer symmetric keys). */
  readonly callsPerKey: number;
  /** Keys of each cell, for the CLI baseline's sample. */
  readonly keyIds: ReadonlyMap<BaselineCell, readonly string[]>;
  /** listMs + per-key time of the sample × every key listed. */
  readonly extrapolatedMs: number;
}

/**
 * Baseline (a): the best simple script — one process, one SDK client per account and Region,
 * every call awaited before the next. Listing is measured in full; the per-key calls are timed
 * on `perCell` keys of each cell and extrapolated to all keys.
 */
export async function sdkSequential(
  endpoint: string,
  cells: readonly BaselineCell[],
  perCell: number,
): Promise<SequentialSample> {
  let listMs = 0;
  let sampleMs = 0;
  let sampled = 0;
  let calls = 0;
  let keysListed = 0;
  const keyIds = new Map<BaselineCell, string[]>();
  for (const cell of cells) {
    const kms = new KMSClient({ endpoint, region: cell.region, credentials: cell.credentials });
    let started = performance.now();
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 1000 }, {}))
      ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
    const aliases: string[] = [];
    for await (const page of paginateListAliases({ client: kms, pageSize: 100 }, {}))
      aliases.push(...(page.Aliases ?? []).map((a) => a.AliasName ?? ''));
    listMs += performance.now() - started;
    keysListed += ids.length;
    keyIds.set(cell, ids);
    const step = Math.max(1, Math.floor(ids.length / perCell));
    const sample = ids.filter((_, i) => i % step === 0).slice(0, perCell);
    started = performance.now();
    for (const keyId of sample) {
      const { KeyMetadata: m } = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
      calls += 1;
      if (
        m?.KeyManager === 'CUSTOMER' &&
        m.KeySpec === 'SYMMETRIC_DEFAULT' &&
        m.Origin === 'AWS_KMS'
      ) {
        await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
        calls += 1;
      }
      await kms.send(new ListResourceTagsCommand({ KeyId: keyId }));
      await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
      calls += 2;
    }
    sampleMs += performance.now() - started;
    sampled += sample.length;
    kms.destroy();
  }
  return {
    listMs,
    keysListed,
    sampledKeys: sampled,
    sampleMs,
    callsPerKey: calls / sampled,
    keyIds,
    extrapolatedMs: listMs + (sampleMs / sampled) * keysListed,
  };
}
