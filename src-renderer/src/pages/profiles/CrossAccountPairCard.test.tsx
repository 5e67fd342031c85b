import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { defaultSettings } from '../../../../src-shared/schemas/settings';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { CrossAccountPairCard } from './CrossAccountPairCard';

function profile(name: string, accountId: string | null): ProfileSummary {
  return {
    id: `id-${name}`,
    name,
    kind: 'access-key',
    target: 'sandbox',
    defaultRegion: 'us-east-1',
    status: accountId ? 'verified' : 'unverified',
    accountId,
    arn: accountId ? `arn:aws:iam::${accountId}:user/${name}` : null,
    principalType: accountId ? 'user' : null,
    lastVerifiedAt: null,
    lastError: null,
    accessKeyHint: null,
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
}

const profiles = [
  profile('prod', '111111111111'),
  profile('developer', '111111111111'),
  profile('backup', '222222222222'),
  profile('fresh', null),
];

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: new RegExp(`^${option}`) }));
}

describe('CrossAccountPairCard', () => {
  it('refuses two profiles of one account, naming the account, and saves nothing', async () => {
    const { bridge, invoke } = createMockBridge();
    render(<CrossAccountPairCard profiles={profiles} settings={defaultSettings} />, bridge);
    await choose('Source profile', 'prod');
    await choose('Target profile', 'developer');
    expect(await screen.findByText(/Both profiles are in account 111111111111/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save pair' })).toBeDisabled();
    expect(invoke).not.toHaveBeenCalledWith('settings.set', expect.anything());
  });

  it('shows both identities side by side and saves a pair of two accounts', async () => {
    const { bridge, invoke } = createMockBridge({
      'settings.set': (input) => ({
        ok: true,
        value: { ...defaultSettings, ...(input as object) },
      }),
    });
    render(<CrossAccountPairCard profiles={profiles} settings={defaultSettings} />, bridge);
    await choose('Source profile', 'prod');
    await choose('Target profile', 'backup');
    expect(
      within(screen.getByTestId('identity-prod')).getByText('Account 111111111111'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('identity-backup')).getByText(
        'arn:aws:iam::222222222222:user/backup',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/This pair cannot be used/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save pair' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('settings.set', {
        crossAccountPair: { sourceProfileId: 'id-prod', targetProfileId: 'id-backup' },
      }),
    );
  });

  it('asks to verify a profile whose account is unknown, and swaps the sides', async () => {
    const { bridge } = createMockBridge();
    render(<CrossAccountPairCard profiles={profiles} settings={defaultSettings} />, bridge);
    await choose('Source profile', 'fresh');
    await choose('Target profile', 'backup');
    expect(await screen.findByText(/does not know the account of “fresh”/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Verify fresh' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Swap source and target' }));
    expect(screen.getByRole('combobox', { name: 'Source profile' })).toHaveValue(
      'backup · 222222222222',
    );
  });
});
