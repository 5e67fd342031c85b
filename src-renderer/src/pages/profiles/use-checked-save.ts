import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SerializedError } from '../../../../src-shared/errors';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { presentError, toSerialized } from '../../api/present-error';
import { queryKeys } from '../../api/queries';
import { notifySuccess, notifyWarning } from '../../components/notify/notify';

interface FormLike<V> {
  setErrors(errors: Record<string, string>): void;
  reset(): void;
  onSubmit(handler: (values: V) => void): (event?: React.FormEvent<HTMLFormElement>) => void;
}

/**
 * The save flow every add-profile form shares: call main (which checks the identity first),
 * refresh the list, say what was saved; field errors land on the form, a failed check is kept
 * for the footer so the user can fix it or save anyway.
 */
export function useCheckedSave<V>(options: {
  form: FormLike<V>;
  save: (values: V) => Promise<ProfileSummary>;
  unverifiedMessage: string;
  /** What the notification calls a verified save (default: “Added …”). */
  savedTitle?: (profile: ProfileSummary) => string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [checkError, setCheckError] = useState<SerializedError | null>(null);
  const mutation = useMutation({ mutationFn: options.save });

  const submit = async (values: V) => {
    setCheckError(null);
    try {
      const profile = await mutation.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      await queryClient.invalidateQueries({ queryKey: queryKeys.settings });
      const verified = profile.status === 'verified';
      if (verified) {
        notifySuccess({
          title: options.savedTitle?.(profile) ?? `Added “${profile.name}”`,
          message: profile.arn ?? options.unverifiedMessage,
        });
      } else {
        notifyWarning({
          title: `Saved “${profile.name}” unverified`,
          message: profile.arn ?? options.unverifiedMessage,
        });
      }
      options.form.reset();
      options.onClose();
    } catch (error) {
      const serialized = toSerialized(error);
      if (serialized.code === 'validation') presentError(error, { form: options.form });
      else setCheckError(serialized);
    }
  };

  return {
    onSubmit: options.form.onSubmit((values) => void submit(values)),
    checkError,
    busy: mutation.isPending,
  };
}
