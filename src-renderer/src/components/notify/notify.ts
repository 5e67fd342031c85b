import { notifications, type NotificationData } from '@mantine/notifications';
import type { ReactNode } from 'react';

/**
 * Where toasts go, and how many: bottom-left, stacked, at most three, narrow. Row actions sit in
 * a sticky column on the right edge of every table, and dialogs put their buttons bottom-right,
 * so a toast on the left covers neither; the foot of the navigation bar under it is empty.
 */
export const toastPlacement = {
  position: 'bottom-left',
  limit: 3,
  containerWidth: 360,
  layout: 'stacked',
} as const;

/** How long a success toast stays; a failure stays until dismissed. */
export const SUCCESS_AUTO_CLOSE_MS = 4000;
/** A failure the user can simply try again (throttling, a dropped connection). */
export const TRANSIENT_ERROR_AUTO_CLOSE_MS = 8000;

export interface Toast {
  readonly title: string;
  readonly message: ReactNode;
  /** Replaces an earlier toast with the same id instead of stacking another. */
  readonly id?: string;
}

type Kind = 'success' | 'warning' | 'error' | 'info';

function show(kind: Kind, toast: Toast, extra: Partial<NotificationData>): string {
  return notifications.show({
    ...toast,
    withCloseButton: true,
    'data-toast': kind,
    ...extra,
  });
}

/** Something the user asked for worked: a short toast that goes away by itself. */
export function notifySuccess(toast: Toast): string {
  return show('success', toast, { color: 'teal', autoClose: SUCCESS_AUTO_CLOSE_MS });
}

/** It worked, with a caveat the user should read (e.g. saved but not verified). */
export function notifyWarning(toast: Toast & { readonly stay?: boolean }): string {
  const { stay, ...rest } = toast;
  return show('warning', rest, {
    color: 'yellow',
    autoClose: stay ? false : TRANSIENT_ERROR_AUTO_CLOSE_MS,
  });
}

/**
 * Something failed: the toast stays until dismissed (the user may need to read it or act on it)
 * and is shown before waiting successes. One the user can simply retry (`transient`) goes away
 * by itself, a little later than a success.
 */
export function notifyError(toast: Toast & { readonly transient?: boolean }): string {
  const { transient, ...rest } = toast;
  return show('error', rest, {
    color: 'red',
    autoClose: transient ? TRANSIENT_ERROR_AUTO_CLOSE_MS : false,
    priority: 1,
  });
}

/** Neither good nor bad news (e.g. "Cancelled"): grey, and goes away by itself. */
export function notifyInfo(toast: Toast): string {
  return show('info', toast, { color: 'gray', autoClose: SUCCESS_AUTO_CLOSE_MS });
}

/** Takes a toast away (e.g. the "locked" one once the store is unlocked). */
export function hideToast(id: string): void {
  notifications.hide(id);
}
