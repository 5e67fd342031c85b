import { Modal, type ModalProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { ActionGroup } from '../ActionGroup/ActionGroup';
import classes from './ModalFrame.module.css';

export type ModalFrameProps = ModalProps;

/**
 * Every dialog of Keyward: centred, at most the window's height (the body scrolls under the
 * sticky title bar), and a close button with a name. End the content with a `ModalFooter` so the
 * buttons stay in view however long the body is.
 */
export function ModalFrame({ children, closeButtonProps, ...props }: ModalFrameProps) {
  return (
    <Modal
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close dialog', ...closeButtonProps }}
      {...props}
    >
      {children}
    </Modal>
  );
}

/**
 * The button row at the end of a dialog: stuck to its bottom edge while the body scrolls, on the
 * dialog's background. It may sit inside the dialog's `<form>` (submit buttons keep working), as
 * the last element of the body's content.
 */
export function ModalFooter({
  children,
  justify = 'flex-end',
  'data-testid': testId,
}: {
  children: ReactNode;
  justify?: CSSProperties['justifyContent'];
  'data-testid'?: string;
}) {
  return (
    <div className={classes.footer} data-modal-footer data-testid={testId}>
      <ActionGroup justify={justify}>{children}</ActionGroup>
    </div>
  );
}
