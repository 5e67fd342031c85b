import {
  paginateListAliases,
  paginateListGrants,
  paginateListKeyRotations,
  paginateListResourceTags,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { z } from 'zod';
import type { AliasEntry, GrantEntry, RotationEntry } from '../../src-shared/models/key-detail';
import type { Tag } from '../../src-shared/schemas/key-ref';
import { collectPages } from '../aws/collect-pages';
import { parseAws } from './aws-shapes';

// The lists of one key, each read with the SDK's paginator (every page through the access
// layer) and checked against what the page may show.

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

const awsAlias = z.object({
  AliasName: z.string().min(1),
  AliasArn: z.string().optional(),
  TargetKeyId: z.string().optional(),
  CreationDate: z.date().optional(),
  LastUpdatedDate: z.date().optional(),
});

export async function listAliases(kms: KMSClient, keyId?: string): Promise<AliasEntry[]> {
  const items = await collectPages(
    paginateListAliases({ client: kms }, keyId === undefined ? {} : { KeyId: keyId }),
    (page) => page.Aliases,
  );
  return parseAws(z.array(awsAlias), items, 'ListAliases').map((a) => ({
    aliasName: a.AliasName,
    aliasArn: a.AliasArn ?? null,
    creationDate: iso(a.CreationDate),
    lastUpdatedDate: iso(a.LastUpdatedDate),
  }));
}

const awsTag = z.object({ TagKey: z.string(), TagValue: z.string() });

export async function listTags(kms: KMSClient, keyId: string): Promise<Tag[]> {
  const items = await collectPages(
    paginateListResourceTags({ client: kms }, { KeyId: keyId }),
    (page) => page.Tags,
  );
  return parseAws(z.array(awsTag), items, 'ListResourceTags').map((t) => ({
    key: t.TagKey,
    value: t.TagValue,
  }));
}

const context = z.record(z.string(), z.string()).optional();
const awsGrant = z.object({
  GrantId: z.string().min(1),
  Name: z.string().optional(),
  CreationDate: z.date().optional(),
  GranteePrincipal: z.string().optional(),
  RetiringPrincipal: z.string().optional(),
  IssuingAccount: z.string().optional(),
  Operations: z.array(z.string()).optional(),
  Constraints: z
    .object({ EncryptionContextSubset: context, EncryptionContextEquals: context })
    .optional(),
});

export async function listGrants(kms: KMSClient, keyId: string): Promise<GrantEntry[]> {
  const items = await collectPages(
    paginateListGrants({ client: kms }, { KeyId: keyId }),
    (page) => page.Grants,
  );
  return parseAws(z.array(awsGrant), items, 'ListGrants').map((g) => ({
    grantId: g.GrantId,
    name: g.Name || null,
    creationDate: iso(g.CreationDate),
    granteePrincipal: g.GranteePrincipal ?? null,
    retiringPrincipal: g.RetiringPrincipal ?? null,
    issuingAccount: g.IssuingAccount ?? null,
    operations: g.Operations ?? [],
    constraints: g.Constraints
      ? {
          encryptionContextSubset: g.Constraints.EncryptionContextSubset ?? null,
          encryptionContextEquals: g.Constraints.EncryptionContextEquals ?? null,
        }
      : null,
  }));
}

const awsRotation = z.object({
  KeyMaterialId: z.string().optional(),
  RotationDate: z.date().optional(),
  RotationType: z.string().optional(),
});

export async function listRotations(kms: KMSClient, keyId: string): Promise<RotationEntry[]> {
  const items = await collectPages(
    paginateListKeyRotations({ client: kms }, { KeyId: keyId }),
    (page) => page.Rotations,
  );
  return parseAws(z.array(awsRotation), items, 'ListKeyRotations').map((r) => ({
    keyMaterialId: r.KeyMaterialId ?? null,
    rotationDate: iso(r.RotationDate),
    rotationType: r.RotationType ?? null,
  }));
}
