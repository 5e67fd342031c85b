/** The route of a key's page. */
export function keyPath(profileId: string, region: string, keyId: string): string {
  return `/keys/${encodeURIComponent(profileId)}/${region}/${encodeURIComponent(keyId)}`;
}
