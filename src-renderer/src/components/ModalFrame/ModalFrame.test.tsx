import { Button, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { LazyDialog } from './LazyDialog';
import { ModalFooter, ModalFrame } from './ModalFrame';

describe('ModalFrame', () => {
  it('is a named dialog with a named close button and the footer as part of its form', async () => {
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    const onClose = vi.fn();
    render(
      <ModalFrame opened onClose={onClose} title="Add a profile">
        <form onSubmit={onSubmit}>
          <TextInput label="Profile name" />
          <ModalFooter data-testid="footer">
            <Button variant="default">Cancel</Button>
            <Button type="submit">Check and save</Button>
          </ModalFooter>
        </form>
      </ModalFrame>,
      createMockBridge().bridge,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Add a profile' });
    const footer = screen.getByTestId('footer');
    expect(dialog).toContainElement(footer);
    expect(footer).toHaveAttribute('data-modal-footer');
    expect(footer.className).toMatch(/footer/);
    await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Close dialog' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('takes another name for the close button when given one', async () => {
    render(
      <ModalFrame
        opened
        onClose={vi.fn()}
        title="Import"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        body
      </ModalFrame>,
      createMockBridge().bridge,
    );
    expect(await screen.findByRole('button', { name: 'Close' })).toBeInTheDocument();
  });
});

describe('LazyDialog', () => {
  function Harness({ children }: { children: (opened: boolean) => ReactNode }) {
    const [opened, setOpened] = useState(false);
    return (
      <>
        <Button onClick={() => setOpened((now) => !now)}>toggle</Button>
        <LazyDialog opened={opened}>{children(opened)}</LazyDialog>
      </>
    );
  }

  it('mounts its dialog on the first opening and keeps it mounted after closing', async () => {
    const rendered = vi.fn((opened: boolean) => <span data-testid="dialog">{String(opened)}</span>);
    render(<Harness>{rendered}</Harness>, createMockBridge().bridge);
    expect(screen.queryByTestId('dialog')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'toggle' }));
    expect(screen.getByTestId('dialog')).toHaveTextContent('true');
    await userEvent.click(screen.getByRole('button', { name: 'toggle' }));
    expect(screen.getByTestId('dialog')).toHaveTextContent('false');
  });
});
