import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '../../test-utils/render';
import { createSwitchingBridge } from '../../test-utils/switching-bridge';
import { LazyCommandPalette } from './LazyCommandPalette';
import { palette, paletteStore } from './palette-store';
import { createPageActions, pageActions, usePaletteActions } from './use-palette-actions';

const searchBox = () =>
  screen.findByRole('textbox', { name: 'Search pages and actions' }, { timeout: 10_000 });
/** A palette entry by the start of its text (highlighting the query splits its accessible name). */
const action = (label: string) =>
  waitFor(
    () => {
      const found = screen
        .queryAllByRole('button')
        .find((button) => button.textContent?.startsWith(label));
      if (!found) throw new Error(`no entry starts with "${label}"`);
      return found;
    },
    { timeout: 5000 },
  );
const noAction = (label: string) =>
  expect(
    screen.queryAllByRole('button').filter((button) => button.textContent?.startsWith(label)),
  ).toEqual([]);

async function openPalette() {
  act(() => palette.open());
  return searchBox();
}

/** A page that offers one action whose handler changes from render to render. */
function ProfilesLikePage({ onAdd }: { onAdd: (render: number) => void }) {
  const [renders, setRenders] = useState(1);
  usePaletteActions([{ id: 'profiles.add', label: 'Add profile', run: () => onAdd(renders) }]);
  return <button onClick={() => setRenders(renders + 1)}>Render again</button>;
}

afterEach(() =>
  act(() => {
    palette.close();
    // jsdom runs no transition, so the palette's own clearing on close never comes.
    paletteStore.updateState((state) => ({ ...state, query: '' }));
  }),
);

describe('page actions', () => {
  it('are offered while their page is mounted, and run its latest handler', async () => {
    const onAdd = vi.fn();
    const register = vi.spyOn(pageActions, 'register');
    const host = createSwitchingBridge();
    function Harness() {
      const [onPage, setOnPage] = useState(true);
      return (
        <>
          {onPage && <ProfilesLikePage onAdd={onAdd} />}
          <button onClick={() => setOnPage(false)}>Leave the page</button>
          <LazyCommandPalette onAbout={vi.fn()} />
        </>
      );
    }
    render(<Harness />, host.bridge);
    await userEvent.click(screen.getByRole('button', { name: 'Render again' }));
    expect(register).toHaveBeenCalledTimes(1); // a new array each render, registered once
    await openPalette();
    await userEvent.click(await action('Add profile'));
    expect(onAdd).toHaveBeenCalledWith(2);

    await userEvent.click(screen.getByRole('button', { name: 'Leave the page' }));
    expect(pageActions.get()).toEqual([]);
    await openPalette();
    await action('Go to Keys');
    noAction('Add profile');
    register.mockRestore();
  });

  it('keep the order pages registered them in, and drop each on unregister', () => {
    const store = createPageActions();
    const listener = vi.fn();
    store.subscribe(listener);
    const a = { id: 'a', label: 'A', run: vi.fn() };
    const b = { id: 'b', label: 'B', run: vi.fn() };
    const dropA = store.register([a]);
    const dropB = store.register([b]);
    expect(store.get()).toEqual([a, b]);
    expect(store.get()).toBe(store.get()); // stable for useSyncExternalStore
    dropA();
    expect(store.get()).toEqual([b]);
    dropB();
    expect(store.get()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(4);
  });
});

describe('command palette', () => {
  it('shows each page’s Alt shortcut and lists switches only once something is typed', async () => {
    render(<LazyCommandPalette onAbout={vi.fn()} />, createSwitchingBridge().bridge);
    await openPalette();
    const keys = await action('Go to Keys');
    expect(keys).toHaveTextContent('Alt 1');
    expect(keys).toHaveAttribute('aria-keyshortcuts', 'Alt+1');
    expect(screen.getByText('opens this from anywhere')).toHaveTextContent('Ctrl K');
    noAction('Switch to profile');
    noAction('Switch region');
  });

  it('switches profile: "backup" finds it first and Enter switches', async () => {
    const host = createSwitchingBridge();
    render(<LazyCommandPalette onAbout={vi.fn()} />, host.bridge);
    const search = await openPalette();
    await action('Go to Keys');
    await userEvent.type(search, 'backup');
    expect(await action('Switch to profile Sandbox · backup · 222222222222')).toHaveAttribute(
      'data-selected',
    );
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(host.settings().activeProfileId).toBe('sandbox:backup'));
  });

  it('switches region: "eu-west-1" finds it first and Enter switches', async () => {
    const host = createSwitchingBridge();
    render(<LazyCommandPalette onAbout={vi.fn()} />, host.bridge);
    const search = await openPalette();
    await action('Go to Keys');
    await userEvent.type(search, 'eu-west-1');
    expect(await action('Switch region to eu-west-1 · Europe (Ireland)')).toHaveAttribute(
      'data-selected',
    );
    noAction('Switch region to eu-west-2');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(host.settings().activeRegion).toBe('eu-west-1'));
  });
});
