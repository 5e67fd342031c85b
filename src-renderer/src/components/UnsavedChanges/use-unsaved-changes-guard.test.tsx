import { Checkbox } from '@mantine/core';
import { act, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { unsavedChanges } from './unsaved-changes.store';
import { UnsavedChangesPrompt } from './UnsavedChangesPrompt';
import { useDirtyTracker } from './use-dirty-tracker';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';

function Form({ name }: { name: string }) {
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesGuard(dirty);
  return (
    <Checkbox
      label={`${name} changed`}
      checked={dirty}
      onChange={(event) => setDirty(event.currentTarget.checked)}
    />
  );
}

function App() {
  return (
    <>
      <UnsavedChangesPrompt />
      <Routes>
        <Route
          path="/settings"
          element={
            <>
              <h1>Settings</h1>
              <Form name="General" />
              <Form name="Network" />
              <Link to="/profiles">Profiles</Link>
            </>
          }
        />
        <Route path="/profiles" element={<h1>Profiles</h1>} />
      </Routes>
    </>
  );
}

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });
const leave = () => userEvent.click(screen.getByRole('link', { name: 'Profiles' }));
const question = () => screen.queryByRole('dialog', { name: 'Discard unsaved changes?' });
const beforeUnloadPrevented = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('useUnsavedChangesGuard', () => {
  afterEach(() => act(() => unsavedChanges.clear()));

  it('lets the user leave freely when nothing is changed', async () => {
    render(<App />, createMockBridge().bridge, '/settings');
    await leave();
    expect(await heading('Profiles')).toBeInTheDocument();
    expect(question()).not.toBeInTheDocument();
  });

  it('asks before leaving with a change; "Keep editing" stays, "Discard changes" goes', async () => {
    const { router } = render(<App />, createMockBridge().bridge, '/settings');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Network changed' }));
    await leave();
    expect(await screen.findByRole('dialog', { name: 'Discard unsaved changes?' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(router.state.location.pathname).toBe('/settings');
    expect(screen.getByRole('checkbox', { name: 'Network changed' })).toBeChecked();

    await leave();
    await userEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    expect(await heading('Profiles')).toBeInTheDocument();
    expect(unsavedChanges.any()).toBe(false);
  });

  it('guards every form on the page until each is clean again', async () => {
    render(<App />, createMockBridge().bridge, '/settings');
    await userEvent.click(screen.getByRole('checkbox', { name: 'General changed' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Network changed' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'General changed' }));
    expect(unsavedChanges.any()).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Network changed' }));
    expect(unsavedChanges.any()).toBe(false);
    await leave();
    expect(await heading('Profiles')).toBeInTheDocument();
  });

  it('asks the browser before the window closes or reloads, only while something is changed', async () => {
    render(<App />, createMockBridge().bridge, '/settings');
    expect(beforeUnloadPrevented()).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'General changed' }));
    expect(beforeUnloadPrevented()).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'General changed' }));
    expect(beforeUnloadPrevented()).toBe(false);
  });

  it('forgets a form that goes away', () => {
    const { unmount } = renderHook(() => useUnsavedChangesGuard(true));
    expect(unsavedChanges.any()).toBe(true);
    unmount();
    expect(unsavedChanges.any()).toBe(false);
  });
});

describe('useDirtyTracker', () => {
  it('is dirty while the values differ from the saved ones, whatever the key order', () => {
    const { result } = renderHook(() =>
      useDirtyTracker({ theme: 'system', regions: ['us-east-1'] }),
    );
    expect(result.current.dirty).toBe(false);
    act(() => result.current.onValuesChange({ theme: 'dark', regions: ['us-east-1'] }));
    expect(result.current.dirty).toBe(true);
    act(() => result.current.onValuesChange({ regions: ['us-east-1'], theme: 'system' }));
    expect(result.current.dirty).toBe(false);
  });

  it('takes saved values as the new baseline', () => {
    const { result } = renderHook(() => useDirtyTracker({ theme: 'system' }));
    act(() => result.current.onValuesChange({ theme: 'dark' }));
    act(() => result.current.markSaved({ theme: 'dark' }));
    expect(result.current.dirty).toBe(false);
    expect(result.current.savedValues()).toEqual({ theme: 'dark' });
    act(() => result.current.onValuesChange({ theme: 'system' }));
    expect(result.current.dirty).toBe(true);
  });
});
