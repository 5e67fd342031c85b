import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NetworkStatus } from '../../../../src-shared/models/network';
import { defaultSettings } from '../../../../src-shared/schemas/settings';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { NetworkCard } from './NetworkCard';

const status: NetworkStatus = {
  proxy: { url: 'http://ops:****@proxy.corp:3128', variable: 'HTTPS_PROXY' },
  proxyError: null,
  noProxy: { value: '169.254.169.254,.internal', variable: 'NO_PROXY' },
  caBundle: null,
  caBundleError: null,
  extraCaCerts: null,
  fips: { setting: false, env: null },
  dualstack: { setting: false, env: null },
};

describe('NetworkCard', () => {
  it('shows the proxy in effect with its password masked, and NO_PROXY', async () => {
    const { bridge } = createMockBridge({ 'network.status': okAnswer(status) });
    render(<NetworkCard settings={defaultSettings} />, bridge);
    expect(await screen.findByText('http://ops:****@proxy.corp:3128')).toBeInTheDocument();
    expect(screen.getByText('169.254.169.254,.internal')).toBeInTheDocument();
    expect(screen.getByText('Default CA certificates only.')).toBeInTheDocument();
  });

  it('refuses a relative CA path before asking the host', async () => {
    const { bridge, invoke } = createMockBridge({ 'network.status': okAnswer(status) });
    render(<NetworkCard settings={defaultSettings} />, bridge);
    await userEvent.type(screen.getByLabelText(/CA bundle file/), 'certs/ca.pem');
    await userEvent.click(screen.getByRole('button', { name: 'Save network settings' }));
    expect(await screen.findByText(/Enter an absolute path/)).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('settings.set', expect.anything());
  });

  it('sends the path and switches, and shows the host’s complaint about the file on the field', async () => {
    const { bridge, invoke } = createMockBridge({
      'network.status': okAnswer(status),
      'settings.set': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'bad file',
          retryable: false,
          fieldErrors: { caBundlePath: 'The CA bundle /tmp/ca.pem does not exist.' },
        },
      }),
    });
    render(<NetworkCard settings={defaultSettings} />, bridge);
    await userEvent.type(screen.getByLabelText(/CA bundle file/), '/tmp/ca.pem');
    await userEvent.click(screen.getByRole('switch', { name: /FIPS/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save network settings' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('settings.set', {
        caBundlePath: '/tmp/ca.pem',
        useFipsEndpoint: true,
        useDualstackEndpoint: false,
      }),
    );
    expect(
      await screen.findByText('The CA bundle /tmp/ca.pem does not exist.'),
    ).toBeInTheDocument();
  });
});
