import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { createSwitchingBridge } from '../../test-utils/switching-bridge';
import { HeaderPicker, type PickerOption } from './HeaderPicker';
import { ProfilePicker } from './ProfilePicker';
import { RegionPicker } from './RegionPicker';

const fruit = (name: string, colour: string): PickerOption => ({
  value: name,
  label: name,
  detail: colour,
  search: { names: [name], also: [colour] },
});
const options = [
  fruit('apple', 'red'),
  fruit('banana', 'yellow'),
  fruit('blueberry', 'blue'),
  fruit('cherry', 'red'),
];

function renderPicker(value = 'apple') {
  const onPick = vi.fn();
  render(
    <>
      <HeaderPicker
        options={options}
        value={value}
        onPick={onPick}
        label={`Fruit: ${value}`}
        text={value}
        icon={null}
        searchLabel="Search fruit"
        nothingFound="No fruit matches"
        testId="fruit-picker"
      />
      <input aria-label="Elsewhere" />
    </>,
    createMockBridge().bridge,
  );
  return { onPick, button: screen.getByRole('button', { name: `Fruit: ${value}` }) };
}

const search = () => screen.getByRole('combobox', { name: 'Search fruit' });
const shownOptions = () =>
  within(screen.getByRole('listbox', { name: 'Search fruit' }))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('HeaderPicker', () => {
  it('opens on an empty, focused search box and lists every option', async () => {
    const { button } = renderPicker();
    expect(button).toHaveTextContent('apple');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    expect(search()).toHaveValue('');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(shownOptions()).toEqual(['applered', 'bananayellow', 'blueberryblue', 'cherryred']);
  });

  it('filters from empty as you type, and Enter picks the best match', async () => {
    const { button, onPick } = renderPicker();
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    await userEvent.keyboard('b');
    expect(shownOptions()).toEqual(['bananayellow', 'blueberryblue']);
    await userEvent.keyboard('lue');
    expect(shownOptions()).toEqual(['blueberryblue']);
    expect(search()).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: /blueberry/ }).id,
    );
    await userEvent.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('blueberry');
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('finds by the other text too (a colour here, an account id in the header)', async () => {
    const { button, onPick } = renderPicker();
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    await userEvent.keyboard('red');
    expect(shownOptions()).toEqual(['applered', 'cherryred']);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onPick).toHaveBeenCalledWith('cherry');
  });

  it('moves with the arrow keys, wrapping around, from the current choice', async () => {
    const { button, onPick } = renderPicker('banana');
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    await userEvent.keyboard('{ArrowUp}{ArrowUp}{Enter}'); // banana → apple → (wraps) cherry
    expect(onPick).toHaveBeenCalledWith('cherry');
  });

  it('says when nothing matches, and Enter then picks nothing', async () => {
    const { button, onPick } = renderPicker();
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    await userEvent.keyboard('kiwi');
    expect(screen.getByText('No fruit matches')).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(onPick).not.toHaveBeenCalled();
  });

  it('closes with Esc without picking, gives focus back and starts empty next time', async () => {
    const { button, onPick } = renderPicker();
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    await userEvent.keyboard('cher{Escape}');
    await waitFor(() => expect(button).toHaveFocus());
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(onPick).not.toHaveBeenCalled();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(search()).toHaveFocus());
    expect(search()).toHaveValue('');
  });
  it('closes on a click elsewhere and leaves the focus there', async () => {
    const { button, onPick } = renderPicker();
    await userEvent.click(button);
    await waitFor(() => expect(search()).toHaveFocus());
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await userEvent.click(elsewhere);
    await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'false'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(elsewhere).toHaveFocus();
    expect(onPick).not.toHaveBeenCalled();
  });
});

describe('the header pickers', () => {
  it('show the full profile name and account, and switch profile by typing and Enter', async () => {
    const host = createSwitchingBridge();
    render(<ProfilePicker />, host.bridge);
    const button = await screen.findByRole('button', {
      name: 'Active profile: Sandbox · prod · 111111111111',
    });
    expect(button).toHaveTextContent('Sandbox · prod · 111111111111');
    expect(button).toHaveAttribute('title', 'Sandbox · prod · 111111111111');
    expect(screen.getByTestId('sandbox-badge')).toBeInTheDocument();
    await userEvent.click(button);
    await userEvent.type(screen.getByRole('combobox', { name: 'Search profiles' }), '2222{Enter}');
    await waitFor(() => expect(host.settings().activeProfileId).toBe('sandbox:backup'));
    expect(
      await screen.findByRole('button', {
        name: 'Active profile: Sandbox · backup · 222222222222',
      }),
    ).toBeInTheDocument();
  });

  it('switch region by name or code', async () => {
    const host = createSwitchingBridge();
    render(<RegionPicker />, host.bridge);
    const button = await screen.findByRole('button', {
      name: 'Region: us-east-1 · US East (N. Virginia)',
    });
    await userEvent.click(button);
    const search = screen.getByRole('combobox', { name: 'Search regions' });
    expect(screen.getByRole('group', { name: 'Your default regions' })).toBeInTheDocument();
    await userEvent.type(search, 'ireland{Enter}');
    await waitFor(() => expect(host.settings().activeRegion).toBe('eu-west-1'));
    await screen.findByRole('button', { name: 'Region: eu-west-1 · Europe (Ireland)' });
  });
});
