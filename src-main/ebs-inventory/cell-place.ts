/** Where a row was read: the profile, its account and the Region. */
export interface CellPlace {
  readonly profileId: string;
  readonly profileName: string;
  readonly accountId: string;
  readonly region: string;
}

/** EC2's `Tags` list as a record (the Keys rows use the same shape). */
export function tagRecord(
  tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}
