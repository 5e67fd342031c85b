import { Button } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { ActionGroup } from './ActionGroup';

describe('ActionGroup', () => {
  it('is a named group of buttons that wraps by default', () => {
    render(
      <ActionGroup aria-label="Profiles actions">
        <Button>Import</Button>
        <Button>Add profile</Button>
      </ActionGroup>,
      createMockBridge().bridge,
    );
    const group = screen.getByRole('group', { name: 'Profiles actions' });
    expect(group).not.toHaveAttribute('data-nowrap');
    expect(group).toContainElement(screen.getByRole('button', { name: 'Add profile' }));
    expect(group.style.getPropertyValue('--action-group-justify')).toBe('flex-end');
  });

  it('keeps row actions on one line when asked', () => {
    render(
      <ActionGroup nowrap justify="flex-start" data-testid="row">
        <Button>Verify</Button>
      </ActionGroup>,
      createMockBridge().bridge,
    );
    const group = screen.getByTestId('row');
    expect(group).toHaveAttribute('data-nowrap', 'true');
    expect(group).not.toHaveAttribute('role');
    expect(group.style.getPropertyValue('--action-group-justify')).toBe('flex-start');
  });
});
