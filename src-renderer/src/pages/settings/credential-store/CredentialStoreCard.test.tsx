import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KeywardError } from '../../../../../src-shared/errors';
import { presentError } from '../../../api/present-error';
import { LockedStoreBanner } from '../../../components/CredentialStore/LockedStoreBanner';
import { createMockBridge, okAnswer } from '../../../test-utils/mock-bridge';
import { render } from '../../../test-utils/render';
import { storeStatus } from '../../../test-utils/secret-store-status';
import { CredentialStoreCard } from './CredentialStoreCard';

const path = '/home/ops/.config/Keyward/secrets.enc.json';
const fileInUse = (locked: boolean) =>
  storeStatus({
    store: 'file',
    file: { path, exists: true, unlocked: !locked },
    locked,
    profilesWithSecrets: [{ id: 'p1', name: 'alice', kind: 'access-key' }],
  });
const wrongPassphrase = () => ({
  ok: false,
  error: {
    code: 'validation',
    message: 'That passphrase does not open the encrypted credential file.',
    retryable: false,
    fieldErrors: { passphrase: 'Wrong passphrase' },
  },
});

describe('Settings → Credential store', () => {
  it('names the OS keychain and its backend while it is in use', async () => {
    const { bridge } = createMockBridge({ 'secrets.status': okAnswer(storeStatus()) });
    render(<CredentialStoreCard />, bridge);
    expect(
      await screen.findByText('OS keychain — Secret Service (GNOME Keyring, KWallet) over D-Bus'),
    ).toBeInTheDocument();
    expect(screen.getByText('Available')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use an encrypted file instead' })).toBeEnabled();
  });

  it('shows the encrypted file with its path and state, and locks it now', async () => {
    let locked = false;
    const { bridge, invoke } = createMockBridge({
      'secrets.status': () => okAnswer(fileInUse(locked))(),
      'secrets.lock': () => {
        locked = true;
        return okAnswer(fileInUse(true))();
      },
    });
    render(<CredentialStoreCard />, bridge);
    expect(await screen.findByText(path)).toBeInTheDocument();
    expect(screen.getByText('Unlocked')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    expect(await screen.findByText('Locked')).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith('secrets.lock', {});
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeInTheDocument();
  });

  it('changes the passphrase: current and new go to main, once', async () => {
    const { bridge, invoke } = createMockBridge({
      'secrets.status': okAnswer(fileInUse(false)),
      'secrets.changePassphrase': okAnswer(fileInUse(false)),
    });
    render(<CredentialStoreCard />, bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Change passphrase' }));
    const form = screen.getByRole('form', { name: 'Change passphrase' });
    await userEvent.type(within(form).getByLabelText('Current passphrase'), 'old passphrase!');
    await userEvent.type(within(form).getByLabelText('New passphrase'), 'a new passphrase');
    await userEvent.type(within(form).getByLabelText('Confirm new passphrase'), 'a new passphrase');
    await userEvent.click(within(form).getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('secrets.changePassphrase', {
        current: 'old passphrase!',
        next: 'a new passphrase',
      }),
    );
  });

  it('says what switching back to the keychain does with a locked file', async () => {
    const { bridge } = createMockBridge({ 'secrets.status': okAnswer(fileInUse(true)) });
    render(<CredentialStoreCard />, bridge);
    await userEvent.click(await screen.findByRole('button', { name: 'Switch to the OS keychain' }));
    const dialog = await screen.findByRole('dialog', { name: 'Switch to the OS keychain' });
    expect(dialog).toHaveTextContent('Without it, “alice” will need their secrets entered again.');
  });
});

describe('a locked credential store', () => {
  it('shows a banner whose Unlock keeps a wrong passphrase in the dialog', async () => {
    let tries = 0;
    const { bridge, invoke } = createMockBridge({
      'secrets.status': () => okAnswer(tries >= 2 ? fileInUse(false) : fileInUse(true))(),
      'secrets.unlock': () => (++tries === 1 ? wrongPassphrase() : okAnswer(fileInUse(false))()),
    });
    render(<LockedStoreBanner />, bridge);
    expect(await screen.findByText('Credentials are locked')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unlock credentials' });
    await userEvent.type(within(dialog).getByLabelText('Passphrase'), 'not it{Enter}');
    expect(await within(dialog).findByText('Wrong passphrase')).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText('Passphrase'));
    await userEvent.type(within(dialog).getByLabelText('Passphrase'), 'correct horse battery');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.queryByText('Credentials are locked')).toBeNull());
    expect(invoke).toHaveBeenLastCalledWith('secrets.status', {});
  });

  it('puts an Unlock button in the notification of any call that hit it', async () => {
    const { bridge } = createMockBridge();
    render(<div />, bridge);
    presentError(
      new KeywardError('secret-store-locked', 'Keyward’s encrypted credential file is locked.', {
        hint: 'Unlock it with its passphrase.',
      }),
    );
    expect(await screen.findByText('Credentials are locked')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeInTheDocument();
  });
});
