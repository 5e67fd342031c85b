import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { ErrorBoundary } from './ErrorBoundary';

function Broken(): never {
  throw new Error('cannot read properties of undefined (reading "KeyId")');
}

describe('ErrorBoundary', () => {
  it('shows what broke with copy details and reload, instead of a blank window', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
      createMockBridge().bridge,
    );
    expect(screen.getByRole('heading', { name: 'This page stopped working' })).toBeInTheDocument();
    expect(screen.getByText(/reading "KeyId"/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy details' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
