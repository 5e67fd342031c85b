import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { sandboxProfile } from '../../test-utils/switching-bridge';
import { KeyPolicyEditor } from './KeyPolicyEditor';

const account = '111111111111';
const keyArn = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const handWritten = {
  Sid: 'Deny outside the VPC',
  Effect: 'Deny',
  Principal: '*',
  Action: 'kms:Decrypt',
  Resource: '*',
  Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1234' } },
};

function policy(statements: readonly unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const rootStatement = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: 'kms:*',
  Resource: '*',
};

function setup(document: string) {
  const { bridge, invoke } = createMockBridge({
    'profiles.list': okAnswer([sandboxProfile('prod', account)]),
    'keys.policyVersions': okAnswer({ versions: [] }),
    'keys.putPolicy': (input) => ({
      ok: true,
      value: {
        version: {
          id: 'v2',
          savedAt: '2026-01-01T00:00:00.000Z',
          savedBy: `arn:aws:iam::${account}:user/admin`,
          source: 'saved',
          revertedFrom: null,
          document: (input as { document: string }).document,
        },
      },
    }),
  });
  render(
    <KeyPolicyEditor
      profileId="sandbox:prod"
      region="us-east-1"
      keyId="1234abcd-12ab-34cd-56ef-1234567890ab"
      accountId={account}
      keyArn={keyArn}
      document={document}
    />,
    bridge,
  );
  return { invoke };
}

function inputLabelled(label: string): HTMLElement {
  const input = screen.getAllByLabelText(label).find((element) => element.tagName === 'INPUT');
  if (!input) throw new Error(`no input labelled ${label}`);
  return input;
}

describe('KeyPolicyEditor', () => {
  it('keeps a hand-written statement through a visual edit and saves it with basedOn', async () => {
    const user = userEvent.setup();
    const original = policy([rootStatement, handWritten]);
    const { invoke } = setup(original);
    expect(await screen.findByText('Kept as written')).toBeInTheDocument();
    await user.type(inputLabelled('Add to key users'), `arn:aws:iam::${account}:role/app`);
    await user.click(screen.getAllByRole('button', { name: 'Add' })[1]!);
    await user.click(screen.getByRole('button', { name: 'Review and save…' }));
    expect(await screen.findByTestId('policy-diff')).toHaveTextContent('added');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('keys.putPolicy', expect.anything()));
    const call = invoke.mock.calls.find(([name]) => name === 'keys.putPolicy');
    const input = call?.[1] as { document: string; basedOn: string };
    expect(input.basedOn).toBe(original);
    const saved = JSON.parse(input.document) as { Statement: unknown[] };
    expect(saved.Statement).toContainEqual(handWritten);
    expect(JSON.stringify(saved)).toContain(`arn:aws:iam::${account}:role/app`);
  });

  it('blocks saving a policy that would lock the caller out, and says why', async () => {
    const lockout = policy([
      {
        Sid: 'Only the app',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:role/app` },
        Action: 'kms:Decrypt',
        Resource: '*',
      },
    ]);
    setup(lockout);
    await waitFor(() =>
      expect(screen.getByTestId('policy-lint')).toHaveTextContent(/could no longer change/i),
    );
    await waitFor(() =>
      expect(screen.getByTestId('save-state')).toHaveTextContent('Fix the problems'),
    );
    expect(screen.getByRole('button', { name: 'Review and save…' })).toBeDisabled();
  });
});
