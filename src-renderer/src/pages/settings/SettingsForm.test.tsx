import { notifications } from '@mantine/notifications';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src-shared/schemas/settings';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { unsavedChanges } from '../../components/UnsavedChanges/unsaved-changes.store';
import { themePreview } from '../../theme-preview';
import { SettingsForm } from './SettingsForm';

describe('SettingsForm', () => {
  afterEach(() => {
    act(() => notifications.clean());
    themePreview.set(null);
    unsavedChanges.clear();
  });

  it('shows a field error for a region code that is not one, and saves nothing', async () => {
    const { bridge, invoke } = createMockBridge({ 'settings.set': okAnswer(defaultSettings) });
    render(<SettingsForm settings={defaultSettings} />, bridge);
    const regions = screen.getByRole('combobox', { name: /Default regions/ });
    await userEvent.type(regions, 'mars-north-9x{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/mars-north-9x: Not a region code/)).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('settings.set', expect.anything());
  });

  it('puts a validation error from the host on the right field', async () => {
    const { bridge } = createMockBridge({
      'settings.set': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'bad',
          retryable: false,
          fieldErrors: { defaultRegions: 'Region is disabled for this account' },
        },
      }),
    });
    render(<SettingsForm settings={defaultSettings} />, bridge);
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Region is disabled for this account')).toBeInTheDocument();
  });

  it('sends the chosen values and confirms the save', async () => {
    const { bridge, invoke } = createMockBridge({
      'settings.set': (input) => ({
        ok: true,
        value: { ...defaultSettings, ...(input as object) },
      }),
    });
    render(<SettingsForm settings={defaultSettings} />, bridge);
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await userEvent.click(screen.getByRole('switch', { name: /Confirm before destructive/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('settings.set', {
        theme: 'dark',
        defaultRegions: defaultSettings.defaultRegions,
        confirmBeforeDestructive: false,
      }),
    );
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
  });

  it('previews a theme as it is chosen, says so, and guards it until saved', async () => {
    const { bridge } = createMockBridge({
      'settings.set': (input) => ({
        ok: true,
        value: { ...defaultSettings, ...(input as object) },
      }),
    });
    render(<SettingsForm settings={defaultSettings} />, bridge);
    expect(themePreview.get()).toBeNull();
    expect(screen.queryByTestId('unsaved-changes')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(themePreview.get()).toBe('dark');
    expect(screen.getByTestId('theme-preview-badge')).toHaveTextContent('Preview');
    expect(screen.getByTestId('unsaved-changes')).toHaveTextContent('Unsaved changes');
    expect(screen.getByText(/leaving without saving goes back to “Follow the OS”/)).toBeVisible();
    expect(unsavedChanges.any()).toBe(true);

    // Back to the saved choice: nothing to preview or guard.
    await userEvent.click(screen.getByRole('radio', { name: 'Follow the OS' }));
    expect(themePreview.get()).toBeNull();
    expect(unsavedChanges.any()).toBe(false);

    await userEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(themePreview.get()).toBeNull();
    expect(unsavedChanges.any()).toBe(false);
    expect(screen.queryByTestId('theme-preview-badge')).not.toBeInTheDocument();
  });

  it('puts the saved theme back when left without saving', async () => {
    const { unmount } = render(
      <SettingsForm settings={defaultSettings} />,
      createMockBridge().bridge,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(themePreview.get()).toBe('dark');
    unmount();
    expect(themePreview.get()).toBeNull();
    expect(unsavedChanges.any()).toBe(false);
  });
});
