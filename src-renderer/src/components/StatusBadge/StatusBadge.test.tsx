import { DEFAULT_THEME, Tooltip } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { theme } from '../../theme';
import { StatusBadge, statusTones } from './StatusBadge';

/** A tone's colour as hex: "red.9" from the app's theme over Mantine's defaults, or hex as is. */
function hexOf(color: string): string {
  const [name, shade] = color.split('.');
  if (shade === undefined) return color;
  const palette = theme.colors?.[name!] ?? DEFAULT_THEME.colors[name!];
  return palette![Number(shade)]!;
}

/** WCAG 2 contrast ratio of a colour with white. */
function contrastWithWhite(hex: string): number {
  const channel = (index: number) => {
    const value = parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

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

  it('fills every tone dark enough for white small text (AA: 4.5:1)', () => {
    for (const [tone, color] of Object.entries(statusTones)) {
      expect(contrastWithWhite(hexOf(color)), tone).toBeGreaterThanOrEqual(4.5);
    }
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
