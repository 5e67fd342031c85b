import { Alert, Button, Checkbox } from '@mantine/core';
import type { SerializedError } from '../../../../src-shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { ModalFooter } from '../../components/ModalFrame/ModalFrame';
import { notSavedMessageFor } from './not-saved-message';
import type { FieldBinder } from './profile-fields';
import { isSecretStoreProblem, SecretStoreProblem } from './SecretStoreProblem';

/**
 * The end of every add-profile form: why the identity check failed (if it did), the opt-in to
 * save anyway, and Cancel / submit in the dialog's footer (in view however long the form is).
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
            {notSavedMessageFor(props.checkError, props.notSavedMessage)}
          </Alert>
        </>
      )}
      <Checkbox
        label={props.saveAnywayLabel ?? 'Save even if the identity check fails'}
        key={props.form.key('saveUnverified')}
        {...props.form.getInputProps('saveUnverified', { type: 'checkbox' })}
      />
      <ModalFooter>
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={props.busy}>
          {props.submitLabel ?? 'Check and save'}
        </Button>
      </ModalFooter>
    </>
  );
}
