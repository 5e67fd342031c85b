import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { SsoForm } from './SsoForm';

const summary = (input: Record<string, unknown>) => ({
  ok: true,
  value: {
    id: 'p1',
    name: input.name,
    kind: 'sso',
    target: input.target,
    defaultRegion: input.defaultRegion,
    status: 'unverified',
    accountId: null,
    arn: null,
    principalType: null,
    lastVerifiedAt: null,
    lastError: null,
    accessKeyHint: null,
    mfaSerial: null,
    configProfile: null,
    roleArn: null,
    sourceProfileId: null,
    sso: {
      startUrl: input.startUrl,
      ssoRegion: input.ssoRegion,
      accountId: input.accountId,
      roleName: input.roleName,
      signedIn: false,
    },
    session: null,
    needsMfa: false,
    removable: true,
  },
});

describe('SsoForm', () => {
  it('offers the sandbox demo only for the sandbox, and saves what it fills in', async () => {
    const { bridge, invoke } = createMockBridge({
      'profiles.addSso': (input) => summary(input as Record<string, unknown>),
    });
    const onClose = vi.fn();
    render(<SsoForm onClose={onClose} />, bridge);
    expect(screen.queryByRole('button', { name: 'Use the sandbox demo' })).toBeNull();
    await userEvent.click(screen.getByText('Keyward sandbox'));
    await userEvent.click(await screen.findByRole('button', { name: 'Use the sandbox demo' }));
    expect(screen.getByLabelText(/Start URL/)).toHaveValue(
      'https://keyward-demo.awsapps.com/start',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(invoke).toHaveBeenCalledWith('profiles.addSso', {
      name: 'sandbox-sso',
      target: 'sandbox',
      startUrl: 'https://keyward-demo.awsapps.com/start',
      ssoRegion: 'us-east-1',
      accountId: '111111111111',
      roleName: 'AdministratorAccess',
      defaultRegion: 'us-east-1',
    });
  });

  it('says what is wrong with a start URL and an account id before sending anything', async () => {
    const { bridge, invoke } = createMockBridge();
    render(<SsoForm onClose={() => undefined} />, bridge);
    await userEvent.type(screen.getByLabelText(/Profile name/), 'prod');
    await userEvent.type(screen.getByLabelText(/Start URL/), 'http://not-https');
    await userEvent.type(screen.getByLabelText(/Account id/), '1234');
    await userEvent.type(screen.getByLabelText(/Role name/), 'Admin');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/e\.g\. https:\/\/my-org\.awsapps\.com\/start/),
    ).toBeInTheDocument();
    expect(screen.getByText('An account id is 12 digits')).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('profiles.addSso', expect.anything());
  });
});
