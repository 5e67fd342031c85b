import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { defaultSettings } from '../../../../src-shared/schemas/settings';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { ProfileHealthBadge } from './ProfileHealthBadge';

const failed: ProfileSummary = {
  id: 'p1',
  name: 'ops',
  kind: 'access-key',
  target: 'aws',
  defaultRegion: 'us-east-1',
  status: 'failed',
  accountId: null,
  arn: null,
  principalType: null,
  lastVerifiedAt: null,
  lastError: 'Could not resolve sts.us-east-1.amazonaws.com (ENOTFOUND).',
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

const bridgeWith = (active: ProfileSummary) =>
  createMockBridge({
    'profiles.list': okAnswer([active]),
    'settings.get': okAnswer({ ...defaultSettings, activeProfileId: active.id }),
    'profiles.verify': okAnswer({ ...active, status: 'verified' }),
  });

describe('ProfileHealthBadge', () => {
  it('shows nothing while the active profile’s last check passed', async () => {
    const { bridge, invoke } = bridgeWith({ ...failed, status: 'verified', lastError: null });
    render(<ProfileHealthBadge />, bridge);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('settings.get', {}));
    expect(screen.queryByText('Check failed')).not.toBeInTheDocument();
  });

  it('says the last check failed, names the error, and checks again on request', async () => {
    const { bridge, invoke } = bridgeWith(failed);
    render(<ProfileHealthBadge />, bridge);
    const badge = await screen.findByRole('button', { name: /Check failed/ });
    await userEvent.click(badge);
    expect(await screen.findByText(failed.lastError!)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open Profiles' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('profiles.verify', { id: 'p1' }));
  });
});
