import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { EditProfileModal } from './EditProfileModal';

const role: ProfileSummary = {
  id: 'r1',
  name: 'backup-operator',
  kind: 'assume-role',
  target: 'sandbox',
  defaultRegion: 'us-east-1',
  status: 'verified',
  accountId: '222222222222',
  arn: 'arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward',
  principalType: 'assumed-role',
  lastVerifiedAt: null,
  lastError: null,
  accessKeyHint: null,
  mfaSerial: null,
  configProfile: null,
  roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
  sourceProfileId: 'sandbox:prod',
  roleOptions: { externalId: 'keyward-demo', sessionName: 'keyward', durationSeconds: 3600 },
  sso: null,
  session: null,
  needsMfa: false,
  removable: true,
};
const accessKey: ProfileSummary = {
  ...role,
  id: 'a1',
  name: 'alice',
  kind: 'access-key',
  roleArn: null,
  sourceProfileId: null,
  roleOptions: null,
  accessKeyHint: 'AKIA…MPLE',
};

describe('EditProfileModal', () => {
  it('starts from the saved role settings and sends every field of the kind', async () => {
    const { bridge, invoke } = createMockBridge({
      'profiles.update': () => ({ ok: true, value: role }),
    });
    render(<EditProfileModal profile={role} opened onClose={() => undefined} />, bridge);
    expect(screen.getByLabelText('External ID (optional)')).toHaveValue('keyward-demo');
    const arn = screen.getByRole('textbox', { name: /Role ARN/ });
    await userEvent.clear(arn);
    await userEvent.type(arn, 'arn:aws:iam::222222222222:role/Restore');
    await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('profiles.update', {
        id: 'r1',
        kind: 'assume-role',
        name: 'backup-operator',
        defaultRegion: 'us-east-1',
        saveUnverified: false,
        roleArn: 'arn:aws:iam::222222222222:role/Restore',
        externalId: 'keyward-demo',
        sessionName: 'keyward',
        durationSeconds: 3600,
        mfaSerial: null,
      }),
    );
  });

  it('asks for the new key only when replacing it, and checks its shape before sending', async () => {
    const { bridge, invoke } = createMockBridge();
    render(<EditProfileModal profile={accessKey} opened onClose={() => undefined} />, bridge);
    expect(screen.queryByLabelText(/New access key ID/)).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByLabelText('Replace the access key (after rotating it in IAM)'),
    );
    await userEvent.type(screen.getByLabelText(/New access key ID/), 'not-a-key');
    await userEvent.type(screen.getByLabelText(/New secret access key/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(await screen.findByText(/20 characters starting with AKIA/)).toBeInTheDocument();
    expect(screen.getByText(/A secret access key is 40 characters/)).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('profiles.update', expect.anything());
  });

  describe('when the new key belongs to another identity', () => {
    const before = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/dev' };
    const after = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/admin' };
    const refused = {
      ok: false,
      error: {
        code: 'identity-changed',
        message: 'With the new access key, “alice” would act as …',
        retryable: false,
        details: { kind: 'identity-change', before, after },
      },
    };
    const devKey = { ...accessKey, arn: before.arn };

    async function replaceKey() {
      await userEvent.click(
        screen.getByLabelText('Replace the access key (after rotating it in IAM)'),
      );
      await userEvent.type(screen.getByLabelText(/New access key ID/), 'AKIAIOSFODNN7EXAMPLE');
      await userEvent.type(screen.getByLabelText(/New secret access key/), 'a'.repeat(40));
      await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    }

    it('shows both identities and saves only once the user confirms', async () => {
      const { bridge, invoke } = createMockBridge({
        'profiles.update': (input) =>
          (input as { confirmIdentityChange?: boolean }).confirmIdentityChange
            ? { ok: true, value: { ...devKey, arn: after.arn } }
            : refused,
      });
      const onClose = vi.fn();
      render(<EditProfileModal profile={devKey} opened onClose={onClose} />, bridge);
      await replaceKey();
      const panel = await screen.findByTestId('identity-change');
      expect(within(panel).getByTestId('identity-was')).toHaveTextContent(before.arn);
      expect(within(panel).getByTestId('identity-now')).toHaveTextContent(after.arn);
      expect(screen.getByRole('textbox', { name: /Profile name/ })).toBeDisabled();
      expect(screen.queryByRole('button', { name: 'Check and save' })).not.toBeInTheDocument();

      await userEvent.click(
        within(panel).getByRole('button', { name: 'Save with the new identity' }),
      );
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(invoke).toHaveBeenLastCalledWith(
        'profiles.update',
        expect.objectContaining({ confirmIdentityChange: true }),
      );
    });

    it('“Keep the old key” closes without another save', async () => {
      const { bridge, invoke } = createMockBridge({ 'profiles.update': () => refused });
      const onClose = vi.fn();
      render(<EditProfileModal profile={devKey} opened onClose={onClose} />, bridge);
      await replaceKey();
      await userEvent.click(await screen.findByRole('button', { name: 'Keep the old key' }));
      expect(onClose).toHaveBeenCalled();
      expect(invoke.mock.calls.filter(([name]) => name === 'profiles.update')).toHaveLength(1);
    });
  });
});
