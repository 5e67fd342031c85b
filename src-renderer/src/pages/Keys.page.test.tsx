import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockBridge, okAnswer } from '../test-utils/mock-bridge';
import { render } from '../test-utils/render';
import { KeysPage } from './Keys.page';

describe('Keys page', () => {
  it('shows a user without any profile where to get one, instead of an empty table', async () => {
    const { bridge } = createMockBridge({
      'keys.getScope': okAnswer({ cells: [], isDefault: true }),
      'keys.list': okAnswer({ rows: [], cells: [] }),
      'views.get': okAnswer({ views: [] }),
    });
    render(<KeysPage />, bridge, '/keys');
    expect(await screen.findByText('No profile to read keys with')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Use a sandbox profile' })).toHaveAttribute(
      'href',
      '/profiles',
    );
    expect(screen.getByRole('link', { name: 'Add an AWS profile' })).toHaveAttribute(
      'href',
      '/profiles',
    );
  });
});
