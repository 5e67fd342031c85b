import type { KeyRef } from '../../../../src-shared/models/kms-key';

/** A key's page: `/keys/<profile>/<region>/<key id>` (the profile id and key id encoded). */
export function keyPath(key: KeyRef, tab?: string): string {
  const path = `/keys/${encodeURIComponent(key.profileId)}/${key.region}/${encodeURIComponent(key.keyId)}`;
  return tab ? `${path}?tab=${tab}` : path;
}

/** The manual rotation wizard for a key AWS cannot rotate: `/keys/rotate/<profile>/<region>/<key id>`. */
export function manualRotationPath(key: KeyRef): string {
  return `/keys/rotate${keyPath(key).slice('/keys'.length)}`;
}
