import { Alert, Button, Stack, Text } from '@mantine/core';
import type { SerializedError } from '../../../../src-shared/errors';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { ModalFooter, ModalFrame } from '../ModalFrame/ModalFrame';
import { StatementDiff } from './StatementDiff';

export interface SavePolicyDialogProps {
  readonly opened: boolean;
  readonly before: string;
  readonly after: string;
  readonly saving: boolean;
  readonly error: SerializedError | null;
  readonly onSave: (force: boolean) => void;
  readonly onReload: () => void;
  readonly onClose: () => void;
}

/** The diff before save; a policy changed elsewhere offers reload or overwrite. */
export function SavePolicyDialog(props: SavePolicyDialogProps) {
  const conflict = props.error?.code === 'conflict';
  return (
    <ModalFrame
      opened={props.opened}
      onClose={props.onClose}
      title="Save the key policy?"
      size="xl"
    >
      <Stack gap="sm">
        <Text size="sm">PutKeyPolicy replaces the whole policy. These statements change:</Text>
        <StatementDiff before={props.before} after={props.after} />
        {conflict ? (
          <Alert color="orange" title="Changed elsewhere" data-testid="policy-conflict">
            {props.error?.message} Reload to see the current policy (your edits are dropped), or
            overwrite it with yours.
          </Alert>
        ) : (
          props.error && <ErrorAlert error={props.error} />
        )}
        <ModalFooter>
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          {conflict ? (
            <>
              <Button variant="default" onClick={props.onReload}>
                Reload
              </Button>
              <Button color="red.9" loading={props.saving} onClick={() => props.onSave(true)}>
                Overwrite
              </Button>
            </>
          ) : (
            <Button loading={props.saving} onClick={() => props.onSave(false)}>
              Save policy
            </Button>
          )}
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
