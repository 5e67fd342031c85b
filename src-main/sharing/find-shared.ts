import { paginateListKeys, type KMSClient } from '@aws-sdk/client-kms';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SharedFindings, SharedItem } from '../../src-shared/models/shared-item';
import type { ScopeCell } from '../../src-shared/models/kms-key';
import type { GrantEntry } from '../../src-shared/models/key-detail';
import { namesAccount } from '../../src-shared/policy/key-policy/without-account';
import { collectPages } from '../aws/collect-pages';
import { describeAllImages } from '../ebs-inventory/read-amis';
import { describeAllSnapshots } from '../ebs-inventory/read-snapshots';
import { readPermissions } from '../ebs-inventory/sharing-reader';
import { describeKey } from '../key-operations/describe-key';
import { readPolicy } from '../key-operations/key-detail';
import { ec2Of, kmsOf, type KeyContext } from '../key-operations/key-context';
import { listGrants } from '../key-operations/key-lists';
import { aliasesOfRegion } from '../ebs-inventory/key-resolver';
import { call, forEachLimited } from '../keys/calls';
import { uniqueCells } from '../keys/scope-store';
import { toSerializedError } from '../operations/to-serialized-error';
import { statementsNaming } from '../workflows/kinds/account-statements';

/** (profile, region)s searched at once, and reads at once within each; the scheduler paces them. */
const CELLS_AT_ONCE = 4;
const READS_AT_ONCE = 8;

interface Cell {
  readonly cell: ScopeCell;
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  readonly accountId: string;
}

const idOf = (kind: SharedItem['kind'], cell: ScopeCell, resource: string) =>
  `${kind}|${cell.profileId}|${cell.region}|${resource}`;

const sharesWith = async (c: Cell, id: string) =>
  (await readPermissions(c.ec2, { ...c.cell, id })).some((p) => p.UserId === c.accountId);

async function snapshotsShared(c: Cell): Promise<SharedItem[]> {
  const owned = await describeAllSnapshots(c.ec2, { OwnerIds: ['self'] }, undefined);
  const found: SharedItem[] = [];
  await forEachLimited(owned, READS_AT_ONCE, async (snapshot) => {
    const snapshotId = snapshot.SnapshotId ?? '';
    if (!(await sharesWith(c, snapshotId))) return;
    const name = snapshot.Tags?.find((t) => t.Key === 'Name')?.Value ?? snapshot.Description ?? '';
    found.push({
      ...c.cell,
      kind: 'snapshot',
      id: idOf('snapshot', c.cell, snapshotId),
      snapshotId,
      name,
    });
  });
  return found;
}

async function amisShared(c: Cell): Promise<SharedItem[]> {
  const owned = await describeAllImages(c.ec2, { Owners: ['self'] }, undefined);
  const found: SharedItem[] = [];
  await forEachLimited(owned, READS_AT_ONCE, async (image) => {
    const imageId = image.ImageId ?? '';
    if (!(await sharesWith(c, imageId))) return;
    found.push({
      ...c.cell,
      kind: 'ami',
      id: idOf('ami', c.cell, imageId),
      imageId,
      name: image.Name ?? '',
    });
  });
  return found;
}

/** A grantee or retiring principal of the account (an ARN in it, or the account id itself). */
const grantNames = (grant: GrantEntry, accountId: string) =>
  namesAccount(grant.granteePrincipal, accountId) ||
  namesAccount(grant.retiringPrincipal, accountId);

function grantItem(
  cell: ScopeCell,
  keyArn: string,
  alias: string | null,
  grant: GrantEntry,
): SharedItem {
  const constraints = grant.constraints
    ? {
        ...(grant.constraints.encryptionContextSubset
          ? { EncryptionContextSubset: grant.constraints.encryptionContextSubset }
          : {}),
        ...(grant.constraints.encryptionContextEquals
          ? { EncryptionContextEquals: grant.constraints.encryptionContextEquals }
          : {}),
      }
    : null;
  return {
    ...cell,
    kind: 'grant',
    id: idOf('grant', cell, `${keyArn}/${grant.grantId}`),
    keyArn,
    alias,
    grantId: grant.grantId,
    granteePrincipal: grant.granteePrincipal ?? '',
    retiringPrincipal: grant.retiringPrincipal,
    operations: grant.operations,
    constraints,
    name: grant.name,
  };
}

/** Customer managed keys whose policy names the account, and grants to principals of it. */
async function keysShared(ctx: KeyContext, c: Cell): Promise<SharedItem[]> {
  const [keys, aliases] = await Promise.all([
    call(() =>
      collectPages(paginateListKeys({ client: c.kms, pageSize: 1000 }, {}), (page) => page.Keys),
    ),
    aliasesOfRegion(c.kms, undefined),
  ]);
  const found: SharedItem[] = [];
  await forEachLimited(keys, READS_AT_ONCE, async (entry) => {
    const key = await call(() => describeKey(ctx, { ...c.cell, keyId: entry.KeyId ?? '' }));
    if (key.keyManager !== 'CUSTOMER' || key.keyState.startsWith('Pending')) return;
    const alias = aliases.get(key.keyId)?.[0] ?? null;
    const statements = statementsNaming(await call(() => readPolicy(c.kms, key.arn)), c.accountId);
    if (statements.length > 0) {
      found.push({
        ...c.cell,
        kind: 'key-policy',
        id: idOf('key-policy', c.cell, key.arn),
        keyArn: key.arn,
        alias,
        statements,
      });
    }
    const grants = await call(() => listGrants(c.kms, key.arn));
    for (const grant of grants.filter((g) => grantNames(g, c.accountId))) {
      found.push(grantItem(c.cell, key.arn, alias, grant));
    }
  });
  return found;
}

const ORDER: readonly SharedItem['kind'][] = ['snapshot', 'ami', 'grant', 'key-policy'];
const sortKey = (item: SharedItem) => `${ORDER.indexOf(item.kind)}|${item.id}`;

/**
 * Everything the scope shares with `accountId`, read-only: owned snapshots and AMIs whose
 * permissions name it, customer managed keys whose policy names it, grants to its principals.
 * Public sharing (group `all`) is not sharing with that account and is left out.
 */
export async function findShared(
  ctx: KeyContext,
  accountId: string,
  scope: readonly ScopeCell[],
): Promise<SharedFindings> {
  const items: SharedItem[] = [];
  const problems: SharedFindings['problems'] = [];
  await forEachLimited(uniqueCells(scope), CELLS_AT_ONCE, async (cell) => {
    try {
      const c = {
        cell: { profileId: cell.profileId, region: cell.region },
        ec2: await ec2Of(ctx, cell.profileId, cell.region),
        kms: await kmsOf(ctx, cell.profileId, cell.region),
        accountId,
      };
      const found = await Promise.all([snapshotsShared(c), amisShared(c), keysShared(ctx, c)]);
      items.push(...found.flat());
    } catch (error) {
      problems.push({ ...cell, error: toSerializedError(error, ctx.logger, 'sharing.find') });
    }
  });
  items.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return { accountId, items, problems };
}
