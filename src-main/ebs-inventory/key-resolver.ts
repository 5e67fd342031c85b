import { paginateListAliases, type KMSClient } from '@aws-sdk/client-kms';
import { parseKeyArn, type EbsKey } from '../../src-shared/models/ebs-key';
import { keyStates, type KeyRow } from '../../src-shared/models/kms-key';
import { collectPages } from '../aws/collect-pages';
import { call, forEachLimited, stopsTheRead } from '../keys/calls';
import { describeKey } from '../keys/key-details';
import { managerOf } from '../keys/build-row';

/** Keys described at once per cell; the scheduler paces them within KMS's quotas. */
const KEYS_AT_ONCE = 8;

/** Resolved keys of one (profile, region), by key ARN: kept between reads of the cell. */
export type ResolvedKeys = Map<string, EbsKey>;

export async function aliasesOfRegion(
  kms: KMSClient,
  signal: AbortSignal | undefined,
): Promise<Map<string, string[]>> {
  const aliases = await call(
    () =>
      collectPages(
        paginateListAliases({ client: kms, pageSize: 100 }, {}, { abortSignal: signal }),
        (page) => page.Aliases,
      ),
    signal,
  );
  const byKey = new Map<string, string[]>();
  for (const alias of aliases) {
    if (!alias.TargetKeyId || !alias.AliasName) continue;
    byKey.set(alias.TargetKeyId, [...(byKey.get(alias.TargetKeyId) ?? []), alias.AliasName]);
  }
  return byKey;
}

const knownState = (state: string | undefined): EbsKey['state'] =>
  keyStates.find((known) => known === state) ?? null;

async function describeOne(
  kms: KMSClient,
  arn: string,
  aliases: ReadonlyMap<string, readonly string[]>,
  signal: AbortSignal | undefined,
): Promise<EbsKey> {
  const parts = parseKeyArn(arn);
  const base = {
    keyArn: arn,
    keyId: parts?.keyId ?? arn,
    accountId: parts?.accountId ?? '',
    region: parts?.region ?? '',
  };
  try {
    const metadata = await describeKey(kms, arn, signal);
    const manager: KeyRow['manager'] = managerOf(metadata);
    return {
      ...base,
      manager,
      state: knownState(metadata.KeyState),
      aliases: [...(aliases.get(metadata.KeyId ?? base.keyId) ?? [])].sort(),
      error: null,
    };
  } catch (error) {
    if (stopsTheRead(error, signal)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, manager: null, state: null, aliases: [], error: message.slice(0, 2000) };
  }
}

/**
 * Names the keys behind the cell's snapshots: one ListAliases for the Region (the profile's own
 * aliases) and one DescribeKey per key not resolved before — a thousand snapshots on three keys
 * cost four calls. Another account's key answers DescribeKey only if its key policy lets this
 * profile; when it does not, the key keeps its ARN and says why.
 */
export async function resolveKeys(
  kms: KMSClient,
  arns: Iterable<string>,
  known: ResolvedKeys,
  signal: AbortSignal | undefined,
): Promise<ResolvedKeys> {
  const missing = [...new Set(arns)].filter((arn) => !known.has(arn));
  if (missing.length === 0) return known;
  const aliases = await aliasesOfRegion(kms, signal);
  const resolved: ResolvedKeys = new Map(known);
  await forEachLimited(missing, KEYS_AT_ONCE, async (arn) => {
    resolved.set(arn, await describeOne(kms, arn, aliases, signal));
  });
  return resolved;
}
