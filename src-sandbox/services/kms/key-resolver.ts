import type { ServiceContext } from '../types';
import { invalidArn, keyNotFound, notFound } from './errors';
import { ensureAwsManagedKey, PREDEFINED_AWS_ALIASES } from './key-factory';
import { materializeDeferred, refreshKey } from './key-maintenance';
import { aliasArnOf, KMS_ALIAS, KMS_KEY, keyArnOf, type KmsKeyDoc } from './model';

const KEY_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const KMS_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key\/.+|alias\/.+)$/;
/** The sandbox plays the commercial partition only. */
const PARTITION = 'aws';

/** Which identifier forms an operation accepts (reference §2.1). */
export type KeyRefForms = 'any' | 'id-or-arn';

export interface ParsedKeyRef {
  readonly kind: 'key' | 'alias';
  readonly account: string;
  readonly region: string;
  /** Key id, or alias name `alias/x`. */
  readonly name: string;
  readonly arn: string;
}

export const isKeyId = (text: string): boolean => KEY_ID.test(text);

/** Parses a key id / key ARN / alias name / alias ARN relative to the caller's account+region. */
export function parseKeyRef(
  ref: string,
  account: string,
  region: string,
  forms: KeyRefForms,
): ParsedKeyRef {
  if (ref.startsWith('arn:')) {
    const [, partition, region, account, resource] = KMS_ARN.exec(ref) ?? [];
    if (!partition || !region || !account || !resource) throw invalidArn(ref);
    // KMS answers a well-formed ARN it does not serve with `Invalid arn <the foreign part>`
    // (seen for a Region: "Invalid arn us-west-1", openssl-engine-kms#1); for a partition
    // the wording is UNCONFIRMED.
    if (partition !== PARTITION) throw notFound(`Invalid arn ${partition}`);
    const isAlias = resource.startsWith('alias/');
    // UNCONFIRMED: an alias given to an operation that takes only key ids (reference §2.1).
    if (isAlias && forms !== 'any') throw notFound(`Invalid keyId ${ref}`);
    const name = isAlias ? resource : resource.slice('key/'.length);
    return { kind: isAlias ? 'alias' : 'key', account, region, name, arn: ref };
  }
  if (ref.startsWith('alias/')) {
    if (forms !== 'any') throw notFound(`Invalid keyId ${ref}`);
    return { kind: 'alias', account, region, name: ref, arn: aliasArnOf(region, account, ref) };
  }
  if (!isKeyId(ref)) throw notFound(`Invalid keyId ${ref}`);
  return { kind: 'key', account, region, name: ref, arn: keyArnOf(region, account, ref) };
}

/** Finds the (live) key a parsed reference names, or throws NotFoundException. */
export function findKey(ctx: ServiceContext, ref: ParsedKeyRef): KmsKeyDoc {
  const scope = { account: ref.account, region: ref.region };
  let keyId = ref.name;
  if (ref.kind === 'alias') {
    const alias = ctx.store.get(KMS_ALIAS, scope, ref.name);
    if (alias) {
      keyId = alias.targetKeyId;
    } else if (PREDEFINED_AWS_ALIASES.includes(ref.name) && ref.account === ctx.account) {
      // Naming a predefined AWS alias creates its AWS managed key (reference §2.2).
      const service = ref.name.slice('alias/aws/'.length);
      return ensureAwsManagedKey(ctx.store, ref.account, ref.region, service, ctx.now().getTime());
    } else {
      throw notFound(`Alias ${aliasArnOf(ref.region, ref.account, ref.name)} is not found.`);
    }
  }
  const arn = keyArnOf(ref.region, ref.account, keyId);
  const stored = ctx.store.get(KMS_KEY, scope, keyId);
  const live = stored ? refreshKey(ctx, stored) : undefined;
  if (!live) throw keyNotFound(arn);
  return materializeDeferred(ctx, live);
}
