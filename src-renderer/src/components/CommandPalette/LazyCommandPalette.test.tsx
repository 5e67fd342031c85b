import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { LazyCommandPalette } from './LazyCommandPalette';
import { palette } from './palette-store';

const search = () =>
  screen.findByRole('textbox', { name: 'Search pages and actions' }, { timeout: 10_000 });

describe('LazyCommandPalette', () => {
  afterEach(() => act(() => palette.close()));

  it('loads nothing until opened, then opens with Ctrl+K', async () => {
    render(<LazyCommandPalette onAbout={vi.fn()} />, createMockBridge().bridge);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(await search()).toBeInTheDocument();
    expect(screen.getByText('Go to Keys')).toBeInTheDocument();
  });

  it('opens from the shared store, as the header button does', async () => {
    render(<LazyCommandPalette onAbout={vi.fn()} />, createMockBridge().bridge);
    act(() => palette.open());
    expect(await search()).toBeInTheDocument();
  });
});
