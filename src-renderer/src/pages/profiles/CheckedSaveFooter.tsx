import { Alert, Button, Checkbox, Group } from '@mantine/core';
import type { SerializedError } from '../../../../src-shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import type { FieldBinder } from './profile-fields';
import { isSecretStoreProblem, SecretStoreProblem } from './SecretStoreProblem';

/**
 * The end of every add-profile form: why the identity check failed (if it did), the opt-in to
 * save anyway, and Cancel / submit.
 */
export function CheckedSaveFooter(props: {
  checkError: SerializedError | null;
  notSavedMessage: string;
  /** Default: the identity-check wording most forms use. */
  saveAnywayLabel?: string;
  /** The form whose `saveUnverified` checkbox this is. */
  form: FieldBinder;
  submitLabel?: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {props.checkError && isSecretStoreProblem(props.checkError) && (
        <SecretStoreProblem error={props.checkError} />
      )}
      {props.checkError && !isSecretStoreProblem(props.checkError) && (
        <>
          <ErrorAlert error={props.checkError} />
          <Alert color="yellow" variant="light">
            {props.notSavedMessage}
          </Alert>
        </>
      )}
      <Checkbox
        label={props.saveAnywayLabel ?? 'Save even if the identity check fails'}
        key={props.form.key('saveUnverified')}
        {...props.form.getInputProps('saveUnverified', { type: 'checkbox' })}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={props.busy}>
          {props.submitLabel ?? 'Check and save'}
        </Button>
      </Group>
    </>
  );
}
