import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  notifyError,
  notifyInfo,
  notifySuccess,
  notifyWarning,
  SUCCESS_AUTO_CLOSE_MS,
  toastPlacement,
  TRANSIENT_ERROR_AUTO_CLOSE_MS,
} from './notify';

describe('notify', () => {
  afterEach(() => vi.restoreAllMocks());
  const shown = () => {
    const show = vi.spyOn(notifications, 'show').mockReturnValue('id');
    return () => show.mock.calls.at(-1)?.[0];
  };

  it('closes a success by itself', () => {
    const last = shown();
    notifySuccess({ title: 'Settings saved', message: 'Stored.' });
    expect(last()).toMatchObject({
      title: 'Settings saved',
      message: 'Stored.',
      color: 'teal',
      autoClose: SUCCESS_AUTO_CLOSE_MS,
      withCloseButton: true,
      'data-toast': 'success',
    });
  });

  it('keeps a failure until dismissed, ahead of waiting successes', () => {
    const last = shown();
    notifyError({ title: 'Access denied', message: 'No.' });
    expect(last()).toMatchObject({
      color: 'red',
      autoClose: false,
      priority: 1,
      withCloseButton: true,
      'data-toast': 'error',
    });
  });

  it('lets a failure the user can retry go away by itself, later than a success', () => {
    const last = shown();
    notifyError({ title: 'Throttled', message: 'Try again.', transient: true });
    expect(last()).toMatchObject({ autoClose: TRANSIENT_ERROR_AUTO_CLOSE_MS });
    expect(last()).not.toHaveProperty('transient');
    expect(TRANSIENT_ERROR_AUTO_CLOSE_MS).toBeGreaterThan(SUCCESS_AUTO_CLOSE_MS);
  });

  it('has a warning and an info flavour that close by themselves', () => {
    const last = shown();
    notifyWarning({ title: 'Saved unverified', message: 'Check later.' });
    expect(last()).toMatchObject({ color: 'yellow', 'data-toast': 'warning' });
    notifyInfo({ title: 'Cancelled', message: 'Nothing changed.' });
    expect(last()).toMatchObject({ color: 'gray', autoClose: SUCCESS_AUTO_CLOSE_MS });
  });

  it('places toasts bottom-left, stacked, three at most', () => {
    expect(toastPlacement).toEqual({
      position: 'bottom-left',
      limit: 3,
      containerWidth: 360,
      layout: 'stacked',
    });
  });
});
