import { Tooltip } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { StatusBadge, statusTones } from './StatusBadge';

describe('StatusBadge', () => {
  it('shows its whole text, marked for the layout check, in the colour of its tone', () => {
    render(<StatusBadge tone="sandbox">Sandbox</StatusBadge>, createMockBridge().bridge);
    const badge = screen.getByText('Sandbox').closest('.mantine-Badge-root');
    expect(badge).toHaveAttribute('data-no-truncate');
    expect(badge).toHaveAttribute('data-tone', 'sandbox');
    expect(badge).toHaveAttribute('data-variant', 'filled');
    // Neither the root nor the label may hide what overflows (theme + StatusBadge rules).
    expect(badge?.className).toMatch(/root/);
    expect(screen.getByText('Sandbox').className).toMatch(/label/);
  });

  it('maps every tone to a dark filled shade (AA contrast for small bold text)', () => {
    for (const color of Object.values(statusTones)) expect(color).toMatch(/\.(7|9)$/);
  });

  it('anchors a tooltip', async () => {
    render(
      <Tooltip label="Checked just now">
        <StatusBadge tone="ok">verified</StatusBadge>
      </Tooltip>,
      createMockBridge().bridge,
    );
    await userEvent.hover(screen.getByText('verified'));
    expect(await screen.findByText('Checked just now')).toBeInTheDocument();
  });
});
