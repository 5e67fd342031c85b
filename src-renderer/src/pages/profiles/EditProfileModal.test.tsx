import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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
});
