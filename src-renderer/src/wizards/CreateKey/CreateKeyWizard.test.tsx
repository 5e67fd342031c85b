import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { sandboxProfile } from '../../test-utils/switching-bridge';
import { CreateKeyWizard } from './CreateKeyWizard';

const profiles = [sandboxProfile('prod', '111111111111'), sandboxProfile('backup', '222222222222')];
const regions = [
  { code: 'us-east-1', name: 'N. Virginia' },
  { code: 'eu-west-1', name: 'Ireland' },
];

function setup() {
  const { bridge, invoke } = createMockBridge();
  render(
    <CreateKeyWizard
      profiles={profiles}
      regions={regions}
      activeProfileId="sandbox:prod"
      activeRegion="us-east-1"
    />,
    bridge,
  );
  return { invoke };
}

describe('CreateKeyWizard', () => {
  it('keeps every choice when going back and forth between steps', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('radio', { name: /HMAC/ }));
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    await user.type(screen.getByRole('textbox', { name: /Alias/ }), 'orders-mac');
    await user.type(screen.getByRole('textbox', { name: /Description/ }), 'MACs for orders');
    await user.click(screen.getByRole('button', { name: /Next: Access/ }));
    expect(screen.getAllByText('arn:aws:iam::111111111111:user/admin').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: /Alias/ })).toHaveValue('orders-mac');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: /HMAC/ })).toBeChecked();
    for (const next of [/Next: Name and tags/, /Next: Access/, /Next: Policy/]) {
      await user.click(screen.getByRole('button', { name: next }));
    }
    expect(await screen.findByTestId('policy-visual-view')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Next: Create/ }));
    const summary = screen.getByTestId('create-summary');
    expect(summary).toHaveTextContent('HMAC_256 (GENERATE_VERIFY_MAC)');
    expect(summary).toHaveTextContent('alias/orders-mac');
    expect(summary).toHaveTextContent('MACs for orders');
  }, 60_000);

  it('holds the user on a step until its problems are fixed', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('radio', { name: /Imported/ }));
    await user.click(screen.getByRole('radio', { name: /Read it from a file/ }));
    await user.click(screen.getByRole('radio', { name: 'Expires on a date' }));
    expect(screen.getByRole('radio', { name: 'Expires on a date' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    expect(await screen.findByText(/32 bytes of key material/)).toBeInTheDocument();
    expect(screen.getByText('Pick the day it expires')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /File path/ }), '/tmp/material.bin');
    await user.click(screen.getByRole('radio', { name: 'Does not expire' }));
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Alias/ })).toBeInTheDocument());
  });
});
