import type { ProfileSummary } from './profile';

/** A profile that calls through another one: that one cannot be deleted while it exists. */
export type ProfileDependent = Pick<ProfileSummary, 'id' | 'name'>;

type Listed = Pick<ProfileSummary, 'id' | 'name' | 'kind' | 'sourceProfileId'>;

/**
 * The profiles that call through `id`: role profiles that assume their role as it (with its
 * keys, or its MFA session while one runs). The delete dialog names them before it asks; main
 * refuses the delete with the same list, so a profile added meanwhile in another window counts.
 */
export function profileDependents(
  id: string,
  profiles: readonly Listed[],
): readonly ProfileDependent[] {
  return profiles
    .filter((other) => other.kind === 'assume-role' && other.sourceProfileId === id)
    .map(({ id: dependentId, name }) => ({ id: dependentId, name }));
}

/** “BackupOperator-role uses this profile as its source: delete it or point it at another profile first.” */
export function describeDependents(dependents: readonly ProfileDependent[]): string {
  const names = dependents.map((dependent) => `“${dependent.name}”`);
  const last = names.pop() ?? '';
  const list = names.length > 0 ? `${names.join(', ')} and ${last}` : last;
  return dependents.length === 1
    ? `${list} uses this profile as its source: delete it or point it at another profile first.`
    : `${list} use this profile as their source: delete them or point them at other profiles first.`;
}
