import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { sandboxProfile } from '../../test-utils/switching-bridge';
import { KeyPolicyEditor } from './KeyPolicyEditor';

const account = '111111111111';
const keyArn = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const appServer = `arn:aws:iam::${account}:role/app-server`;
const auditor = `arn:aws:iam::${account}:role/auditor`;
const policyText = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Admins',
      Effect: 'Allow',
      Principal: { AWS: auditor },
      Action: ['kms:Describe*', 'kms:PutKeyPolicy'],
      Resource: '*',
    },
    {
      Sid: 'Workload',
      Effect: 'Allow',
      Principal: { AWS: appServer },
      Action: 'kms:DescribeKey',
      Resource: '*',
    },
  ],
});
const decrypt = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'UseKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }],
});

function setup() {
  const { bridge, invoke } = createMockBridge({
    'profiles.list': okAnswer([sandboxProfile('prod', account)]),
    'keys.policyVersions': okAnswer({ versions: [] }),
    'keys.principalPolicies': (input) => {
      const { includeAccount } = input as { includeAccount: boolean };
      return {
        ok: true,
        value: {
          accountId: account,
          accountListing: includeAccount ? { listed: 1, capped: false, error: null } : null,
          principals: [
            {
              arn: appServer,
              kind: 'role',
              source: 'key-policy',
              policies: [{ name: 'app-server-access', kind: 'inline', document: decrypt }],
              reason: null,
              error: null,
            },
            {
              arn: auditor,
              kind: 'role',
              source: 'key-policy',
              policies: null,
              reason: 'not readable with this profile',
              error: { code: 'access-denied', message: 'Denied', retryable: false },
            },
            ...(includeAccount
              ? [
                  {
                    arn: `arn:aws:iam::${account}:role/batch`,
                    kind: 'role',
                    source: 'account',
                    policies: [],
                    reason: null,
                    error: null,
                  },
                ]
              : []),
          ],
        },
      };
    },
  });
  render(
    <KeyPolicyEditor
      profileId="sandbox:prod"
      region="us-east-1"
      keyId="1234abcd-12ab-34cd-56ef-1234567890ab"
      accountId={account}
      keyArn={keyArn}
      document={policyText}
    />,
    bridge,
  );
  return { invoke };
}

function rowOf(arn: string): HTMLElement {
  const row = screen.getAllByTestId('access-row').find((r) => r.textContent?.includes(arn));
  if (!row) throw new Error(`no row for ${arn}`);
  return row;
}

describe('EffectiveAccessPanel with IAM policies', () => {
  it('shows a named role\u2019s IAM-derived use, which policy decided, and unreadable IAM as such', async () => {
    const user = userEvent.setup();
    const { invoke } = setup();
    await waitFor(() =>
      expect(within(rowOf(appServer)).getByTestId('iam-line')).toHaveTextContent(
        'IAM: app-server-access',
      ),
    );
    expect(invoke).toHaveBeenCalledWith('keys.principalPolicies', {
      profileId: 'sandbox:prod',
      principals: [auditor, appServer].sort(),
      includeAccount: false,
    });
    const app = rowOf(appServer);
    const cells = within(app).getAllByRole('cell');
    expect(cells.slice(1).map((c) => c.textContent)).toEqual(['No', 'Yes', 'No', 'No']);
    await user.click(within(app).getByRole('button', { name: `Why: ${appServer}` }));
    expect(screen.getByTestId('access-details')).toHaveTextContent(
      'Use: Allowed: statement "Enable IAM User Permissions" of the key policy allows account 111111111111, and the principal’s IAM policy allows it (IAM policy "app-server-access", statement "UseKeys").',
    );
    const audit = rowOf(auditor);
    expect(within(audit).getByTestId('iam-line')).toHaveTextContent(
      'IAM: not readable with this profile',
    );
    expect(
      within(audit)
        .getAllByRole('cell')
        .slice(1)
        .map((c) => c.textContent),
    ).toEqual([
      'Yes',
      'Needs IAM (not readable)',
      'Needs IAM (not readable)',
      'Needs IAM (not readable)',
    ]);
  });

  it('checks the account\u2019s roles and users on request', async () => {
    const user = userEvent.setup();
    const { invoke } = setup();
    await user.click(await screen.findByRole('checkbox', { name: /Also check this account/ }));
    expect(await screen.findByText('1 roles and users checked.')).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith(
      'keys.principalPolicies',
      expect.objectContaining({ includeAccount: true }),
    );
    expect(rowOf(`arn:aws:iam::${account}:role/batch`)).toHaveTextContent(
      'Not named in the key policy',
    );
  });
});
