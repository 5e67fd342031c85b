import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PolicyVersion } from '../../../../src-shared/models/key-changes';
import { useApi } from '../../api/api-context';
import { toSerialized } from '../../api/present-error';
import { notifySuccess } from '../notify/notify';
import { prettyPolicy } from './policy-draft';

export interface KeyPlaceRef {
  readonly profileId: string;
  readonly region: string;
  readonly keyId: string;
}

export const policyVersionsKey = (ref: KeyPlaceRef) =>
  ['keys.policyVersions', ref.profileId, ref.region, ref.keyId] as const;

/**
 * The policy being edited: the text as read (`base`, sent as `basedOn` so a change made elsewhere
 * is caught) and the draft; saving, reloading and reverting move both.
 */
export function usePolicySave(ref: KeyPlaceRef, document: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(document);
  const [text, setText] = useState(() => prettyPolicy(document));
  const versions = useQuery({
    queryKey: policyVersionsKey(ref),
    queryFn: () => api.keys.policyVersions(ref),
  });
  const adopt = (saved: string) => {
    setBase(saved);
    setText(prettyPolicy(saved));
    void queryClient.invalidateQueries({ queryKey: policyVersionsKey(ref) });
    void queryClient.invalidateQueries({ queryKey: ['keys.detail'] });
  };
  const save = useMutation({
    mutationFn: (force: boolean) =>
      api.keys.putPolicy({ ...ref, document: text, basedOn: base, force }),
    onSuccess: ({ version }) => {
      adopt(version.document);
      notifySuccess({ title: 'Key policy saved', message: 'The previous version is kept below.' });
    },
  });
  const revert = useMutation({
    mutationFn: (version: PolicyVersion) =>
      api.keys.revertPolicy({ ...ref, versionId: version.id, basedOn: base, force: true }),
    onSuccess: ({ version }) => {
      adopt(version.document);
      notifySuccess({ title: 'Key policy reverted', message: 'Recorded as a new version.' });
    },
  });
  const reload = async () => {
    const detail = await api.keys.detail(ref);
    if (detail.policy.ok) adopt(detail.policy.value.document);
    save.reset();
  };
  return {
    base,
    text,
    setText,
    dirty: prettyPolicy(base) !== text,
    versions,
    save,
    saveError: save.error ? toSerialized(save.error) : null,
    revert,
    reload,
  };
}
