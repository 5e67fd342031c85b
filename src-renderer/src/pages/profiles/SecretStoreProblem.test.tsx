import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { storeStatus } from '../../test-utils/secret-store-status';
import { AccessKeyForm } from './AccessKeyForm';

const noKeychain = storeStatus({
  keychain: { available: false, backend: 'Secret Service', problem: 'no bus' },
});
const saved = {
  id: 'p1',
  name: 'alice',
  kind: 'access-key',
  target: 'sandbox',
  defaultRegion: 'us-east-1',
  status: 'verified',
  accountId: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/alice',
  principalType: 'user',
  lastVerifiedAt: '2026-01-01T00:00:00.000Z',
  lastError: null,
  accessKeyHint: 'AKIA…MPLE',
  mfaSerial: null,
  configProfile: null,
  roleArn: null,
  sourceProfileId: null,
  sso: null,
  session: null,
  needsMfa: false,
  removable: true,
};

async function fillAndSave() {
  await userEvent.type(screen.getByLabelText(/Profile name/), 'alice');
  await userEvent.type(screen.getByLabelText(/Access key ID/), 'AKIAIOSFODNN7EXAMPLE');
  await userEvent.type(
    screen.getByLabelText(/Secret access key/),
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  );
  await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
}

describe('saving a profile on a host without an OS keychain', () => {
  it('offers the encrypted file instead of “fix the keys”, creates it, switches, and saves again', async () => {
    let attempts = 0;
    const { bridge, invoke } = createMockBridge({
      'profiles.addAccessKey': () =>
        ++attempts === 1
          ? {
              ok: false,
              error: {
                code: 'keychain-unavailable',
                message: 'The OS keychain could not be used: no bus',
                hint: 'Keyward never falls back to a plain file.',
                retryable: false,
              },
            }
          : { ok: true, value: saved },
      'secrets.status': okAnswer(noKeychain),
      'secrets.createFileStore': okAnswer({
        ...noKeychain,
        file: { ...noKeychain.file, exists: true, unlocked: true },
      }),
      'secrets.useStore': okAnswer({
        status: {
          ...noKeychain,
          store: 'file',
          file: { ...noKeychain.file, exists: true, unlocked: true },
        },
        moved: [],
        needReentry: [],
      }),
      'profiles.list': okAnswer([]),
      'settings.get': okAnswer({}),
    });
    const onClose = vi.fn();
    render(<AccessKeyForm onClose={onClose} />, bridge);
    await fillAndSave();

    expect(await screen.findByText('OS keychain unavailable')).toBeInTheDocument();
    expect(screen.queryByText(/Fix the keys/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Use an encrypted file instead' }));
    const dialog = await screen.findByRole('dialog', { name: 'Use an encrypted file' });
    await userEvent.type(within(dialog).getByLabelText('New passphrase'), 'correct horse battery');
    await userEvent.type(within(dialog).getByLabelText('Confirm passphrase'), 'correct horse');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create and use the file' }));
    expect(await within(dialog).findByText('The two passphrases differ')).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('secrets.createFileStore', expect.anything());

    await userEvent.type(within(dialog).getByLabelText('Confirm passphrase'), ' battery');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create and use the file' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(invoke).toHaveBeenCalledWith('secrets.createFileStore', {
      passphrase: 'correct horse battery',
    });
    expect(invoke).toHaveBeenCalledWith('secrets.useStore', { store: 'file' });
    expect(attempts).toBe(2);
  });

  it('refuses a passphrase shorter than 12 characters before sending it', async () => {
    const { bridge, invoke } = createMockBridge({
      'profiles.addAccessKey': () => ({
        ok: false,
        error: { code: 'keychain-unavailable', message: 'no keychain', retryable: false },
      }),
      'secrets.status': okAnswer(noKeychain),
    });
    render(<AccessKeyForm onClose={() => undefined} />, bridge);
    await fillAndSave();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Use an encrypted file instead' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Use an encrypted file' });
    await userEvent.type(within(dialog).getByLabelText('New passphrase'), 'short');
    await userEvent.type(within(dialog).getByLabelText('Confirm passphrase'), 'short');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create and use the file' }));
    expect(await within(dialog).findByText('At least 12 characters')).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('secrets.createFileStore', expect.anything());
  });

  it('unlocks a locked store from the failed save and saves again', async () => {
    let attempts = 0;
    const { bridge, invoke } = createMockBridge({
      'profiles.addAccessKey': () =>
        ++attempts === 1
          ? {
              ok: false,
              error: {
                code: 'secret-store-locked',
                message: 'Keyward’s encrypted credential file is locked.',
                retryable: false,
              },
            }
          : { ok: true, value: saved },
      'secrets.unlock': okAnswer(storeStatus({ store: 'file' })),
    });
    const onClose = vi.fn();
    render(<AccessKeyForm onClose={onClose} />, bridge);
    await fillAndSave();
    expect(await screen.findByText(/the credentials are locked/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unlock credentials' });
    await userEvent.type(within(dialog).getByLabelText('Passphrase'), 'correct horse battery');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(invoke).toHaveBeenCalledWith('secrets.unlock', { passphrase: 'correct horse battery' });
    expect(attempts).toBe(2);
  });
});
