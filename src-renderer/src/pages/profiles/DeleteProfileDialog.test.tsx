import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { defaultSettings } from '../../../../src-shared/schemas/settings';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { DeleteProfileDialog } from './DeleteProfileDialog';

const keys: ProfileSummary = {
  id: 'k1',
  name: 'prod-keys',
  kind: 'access-key',
  target: 'sandbox',
  defaultRegion: 'us-east-1',
  status: 'verified',
  accountId: '111111111111',
  arn: 'arn:aws:iam::111111111111:user/admin',
  principalType: 'user',
  lastVerifiedAt: null,
  lastError: null,
  accessKeyHint: 'AKIA…WXYZ',
  mfaSerial: null,
  configProfile: null,
  roleArn: null,
  sourceProfileId: null,
  roleOptions: null,
  sso: null,
  session: null,
  needsMfa: false,
  removable: true,
};
const role: ProfileSummary = {
  ...keys,
  id: 'r1',
  name: 'BackupOperator-role',
  kind: 'assume-role',
  accessKeyHint: null,
  roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
  sourceProfileId: 'k1',
  roleOptions: { externalId: null, sessionName: 'keyward', durationSeconds: 3600 },
};

function setup(activeProfileId: string | null) {
  return createMockBridge({
    'profiles.list': okAnswer([keys, role]),
    'settings.get': okAnswer({ ...defaultSettings, activeProfileId }),
    'profiles.delete': okAnswer({ deleted: true }),
  });
}

describe('DeleteProfileDialog', () => {
  it('names the profiles that use it as their source and keeps the delete button disabled', async () => {
    const { bridge, invoke } = setup(null);
    render(<DeleteProfileDialog profile={keys} opened onClose={() => undefined} />, bridge);
    expect(
      await screen.findByText(
        '“BackupOperator-role” uses this profile as its source: delete it or point it at another profile first.',
      ),
    ).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Delete profile' });
    expect(button).toBeDisabled();
    await userEvent.click(button);
    expect(invoke).not.toHaveBeenCalledWith('profiles.delete', expect.anything());
  });

  it('warns that the active profile is being deleted, in the words of its kind', async () => {
    const { bridge, invoke } = setup('r1');
    const onClose = vi.fn();
    render(<DeleteProfileDialog profile={role} opened onClose={onClose} />, bridge);
    expect(await screen.findByText('This is the active profile')).toBeInTheDocument();
    expect(screen.getByText(/switch to no active profile/)).toBeInTheDocument();
    expect(screen.getByText(/the role itself in AWS is untouched/i)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete profile' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('profiles.delete', { id: 'r1' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('says an access key leaves the credential store', async () => {
    const { bridge } = setup(null);
    render(
      <DeleteProfileDialog profile={{ ...keys, id: 'k2' }} opened onClose={() => undefined} />,
      bridge,
    );
    expect(
      await screen.findByText(/removes the access key AKIA…WXYZ from the credential store/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete profile' })).toBeEnabled();
  });
});
