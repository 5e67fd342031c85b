import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SerializedError } from '../../../../src-shared/errors';
import type { PrincipalPolicies } from '../../../../src-shared/models/principal-policies';
import type { EffectiveAccessOptions } from '../../../../src-shared/policy/key-policy/effective-key-access';
import {
  identitiesFromAnswer,
  namedPrincipals,
} from '../../../../src-shared/policy/key-policy/identities-from-answer';
import { readRawPolicy } from '../../../../src-shared/policy/key-policy/raw-policy';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';

/** What the effective access panel shows about the IAM half, and its one control. */
export interface IamLookup {
  readonly reading: boolean;
  readonly error: SerializedError | undefined;
  readonly accountListing: PrincipalPolicies['accountListing'];
  /** The key policy trusts the account root: the account's roles and users may be checked. */
  readonly trustsAccountRoot: boolean;
  readonly includeAccount: boolean;
  setIncludeAccount(include: boolean): void;
}

const NONE: Pick<EffectiveAccessOptions, 'identities' | 'accountPrincipals'> = {};

/**
 * The IAM policies of the users and roles the policy text names (read a moment after the text
 * stops changing), and on request of the account's first roles and users.
 */
export function usePrincipalPolicies(profileId: string, accountId: string, text: string) {
  const api = useApi();
  const [debounced] = useDebouncedValue(text, 600);
  const [includeAccount, setIncludeAccount] = useState(false);
  const named = useMemo(() => {
    const raw = readRawPolicy(debounced);
    return raw.ok
      ? namedPrincipals(raw.value.policy, accountId)
      : { arns: [], trustsAccountRoot: false };
  }, [debounced, accountId]);
  const include = includeAccount && named.trustsAccountRoot;
  const query = useQuery({
    queryKey: ['keys.principalPolicies', profileId, named.arns, include] as const,
    queryFn: () =>
      api.keys.principalPolicies({
        profileId,
        principals: [...named.arns],
        includeAccount: include,
      }),
    enabled: named.arns.length > 0 || include,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
  const options = useMemo(
    () => (query.data ? identitiesFromAnswer(query.data) : NONE),
    [query.data],
  );
  const lookup: IamLookup = {
    reading: query.isFetching,
    error: query.isError ? toSerialized(query.error) : undefined,
    accountListing: query.data?.accountListing ?? null,
    trustsAccountRoot: named.trustsAccountRoot,
    includeAccount: include,
    setIncludeAccount,
  };
  return { options, lookup };
}
