import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../api/client';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import type { SavedView } from './data-table-types';
import { createMainViewStore } from './main-view-store';
import { SavedViewsMenu } from './SavedViewsMenu';

const euKeys: SavedView = {
  name: 'EU keys',
  sorting: [{ id: 'aliases', desc: false }],
  filters: [{ id: 'region', value: ['eu-west-1'] }],
  columns: {},
  search: '',
};

/** Main as the page sees it: one table's views, kept between calls like views.json. */
function mainWithViews(initial: SavedView[]) {
  let views = [...initial];
  const answer = () => ({ ok: true, value: { views } });
  return createMockBridge({
    'views.get': answer,
    'views.save': (input) => {
      const { view } = input as { view: SavedView };
      views = [...views.filter((v) => v.name !== view.name), view];
      return answer();
    },
    'views.delete': (input) => {
      views = views.filter((v) => v.name !== (input as { name: string }).name);
      return answer();
    },
  });
}

function showMenu(bridge: ReturnType<typeof createMockBridge>['bridge']) {
  const store = createMainViewStore(createClient(bridge), 'keys');
  const current = { ...euKeys, search: 'prod' };
  render(
    <SavedViewsMenu
      store={store}
      current={current}
      onApply={() => undefined}
      onReset={() => undefined}
    />,
    bridge,
  );
}

describe('saved views kept by main', () => {
  it('lists the views main has for the table, and saves and deletes through main', async () => {
    const user = userEvent.setup();
    const { bridge, invoke } = mainWithViews([euKeys]);
    showMenu(bridge);
    await user.click(screen.getByRole('button', { name: 'Views' }));
    expect(await screen.findByRole('menuitem', { name: 'EU keys' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Save current view…' }));
    await user.type(await screen.findByLabelText('View name'), 'Prod search');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    expect(invoke).toHaveBeenCalledWith('views.save', {
      table: 'keys',
      view: { ...euKeys, name: 'Prod search', search: 'prod' },
    });
    await user.click(await screen.findByRole('button', { name: 'Views' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete view EU keys' }));
    expect(invoke).toHaveBeenCalledWith('views.delete', { table: 'keys', name: 'EU keys' });
    expect(await screen.findByRole('menuitem', { name: 'Prod search' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('menuitem', { name: 'EU keys' })).not.toBeInTheDocument(),
    );
  });

  it('says so when main cannot answer, and the menu still opens', async () => {
    const user = userEvent.setup();
    const { bridge } = createMockBridge({
      'views.get': () => ({
        ok: false,
        error: {
          code: 'internal',
          message: 'The saved views could not be read.',
          retryable: false,
        },
      }),
    });
    showMenu(bridge);
    expect(await screen.findByText('The saved views could not be read.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Views' }));
    expect(await screen.findByText('None yet')).toBeInTheDocument();
  });
});
