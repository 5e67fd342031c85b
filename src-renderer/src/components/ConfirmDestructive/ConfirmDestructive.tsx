import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ModalFooter, ModalFrame } from '../ModalFrame/ModalFrame';

export interface ConfirmDestructiveProps {
  readonly opened: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** When set, the user must type this word before the destructive button enables. */
  readonly typeToConfirm?: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  /** The action cannot go ahead now (the dialog's text says why): the button stays disabled. */
  readonly blocked?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Every destructive action goes through this: the safe button is the default (style.md A.6). */
export function ConfirmDestructive(props: ConfirmDestructiveProps) {
  const [typed, setTyped] = useState('');
  const ready = !props.blocked && (!props.typeToConfirm || typed.trim() === props.typeToConfirm);
  const close = () => {
    setTyped('');
    props.onCancel();
  };
  return (
    <ModalFrame opened={props.opened} onClose={close} title={props.title} size="md">
      <Stack>
        <div>{props.children}</div>
        {props.typeToConfirm && (
          <TextInput
            label={
              <Text span size="sm">
                Type <b>{props.typeToConfirm}</b> to confirm
              </Text>
            }
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
          />
        )}
        <ModalFooter>
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          {/* red.9: white on the default red misses WCAG AA contrast. */}
          <Button color="red.9" disabled={!ready} loading={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </ModalFooter>
      </Stack>
    </ModalFrame>
  );
}
