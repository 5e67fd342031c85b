import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMockBridge } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { sandboxProfile } from '../../test-utils/switching-bridge';
import { CreateKeyWizard } from './CreateKeyWizard';

const profiles = [sandboxProfile('prod', '111111111111'), sandboxProfile('backup', '222222222222')];
const regions = [
  { code: 'us-east-1', name: 'N. Virginia' },
  { code: 'eu-west-1', name: 'Ireland' },
];

function setup(answers: Parameters<typeof createMockBridge>[0] = {}) {
  const { bridge, invoke, emit } = createMockBridge(answers);
  render(
    <CreateKeyWizard
      profiles={profiles}
      regions={regions}
      activeProfileId="sandbox:prod"
      activeRegion="us-east-1"
    />,
    bridge,
  );
  return { invoke, emit };
}

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111111111111:key/${KEY_ID}`;

/** keys.create as main runs it: the first attempt makes the key, then its alias is taken. */
function createThatFailsOnceAfterTheKey(emit: (topic: string, payload: unknown) => void) {
  let attempt = 0;
  return (input: unknown) => {
    attempt += 1;
    const operationId = `op-${attempt}`;
    const base = { operationId, name: 'keys.create' };
    const alias = (input as { alias: string }).alias;
    queueMicrotask(() => {
      if (attempt === 1) {
        emit('operation', {
          ...base,
          type: 'progress',
          step: 0,
          stepCount: 3,
          title: 'Creating the key',
          partial: { createdKey: { keyId: KEY_ID, arn: KEY_ARN } },
        });
        emit('operation', {
          ...base,
          type: 'failed',
          error: {
            code: 'conflict',
            message: `The key ${KEY_ARN} was created, but creating the alias ${alias} failed: ${alias} already exists.`,
            retryable: false,
            details: {
              kind: 'created',
              keyId: KEY_ID,
              arn: KEY_ARN,
              failedStep: `creating the alias ${alias}`,
            },
          },
        });
      } else {
        emit('operation', {
          ...base,
          type: 'done',
          result: {
            metadata: { keyId: KEY_ID, arn: KEY_ARN },
            alias,
            replicas: [],
            importedMaterial: null,
          },
        });
      }
    });
    return { ok: true, value: { operationId } };
  };
}

describe('CreateKeyWizard', () => {
  it('keeps every choice when going back and forth between steps', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('radio', { name: /HMAC/ }));
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    await user.type(screen.getByRole('textbox', { name: /Alias/ }), 'orders-mac');
    await user.type(screen.getByRole('textbox', { name: /Description/ }), 'MACs for orders');
    await user.click(screen.getByRole('button', { name: /Next: Access/ }));
    expect(screen.getAllByText('arn:aws:iam::111111111111:user/admin').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: /Alias/ })).toHaveValue('orders-mac');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: /HMAC/ })).toBeChecked();
    for (const next of [/Next: Name and tags/, /Next: Access/, /Next: Policy/]) {
      await user.click(screen.getByRole('button', { name: next }));
    }
    expect(await screen.findByTestId('policy-visual-view')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Next: Create/ }));
    const summary = screen.getByTestId('create-summary');
    expect(summary).toHaveTextContent('HMAC_256 (GENERATE_VERIFY_MAC)');
    expect(summary).toHaveTextContent('alias/orders-mac');
    expect(summary).toHaveTextContent('MACs for orders');
  }, 60_000);

  it('holds the user on a step until its problems are fixed', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('radio', { name: /Imported/ }));
    await user.click(screen.getByRole('radio', { name: /Read it from a file/ }));
    await user.click(screen.getByRole('radio', { name: 'Expires on a date' }));
    expect(screen.getByRole('radio', { name: 'Expires on a date' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    expect(await screen.findByText(/32 bytes of key material/)).toBeInTheDocument();
    expect(screen.getByText('Pick the day it expires')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /File path/ }), '/tmp/material.bin');
    await user.click(screen.getByRole('radio', { name: 'Does not expire' }));
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Alias/ })).toBeInTheDocument());
  });

  it('after a failure that follows the key’s creation, continues with that key instead of making another', async () => {
    const user = userEvent.setup();
    const events = { emit: (_topic: string, _payload: unknown): void => undefined };
    const { invoke, emit } = setup({
      'keys.create': createThatFailsOnceAfterTheKey((topic, payload) =>
        events.emit(topic, payload),
      ),
    });
    events.emit = emit;
    await user.click(screen.getByRole('button', { name: /Next: Name and tags/ }));
    await user.type(screen.getByRole('textbox', { name: /Alias/ }), 'taken');
    for (const next of [/Next: Access/, /Next: Policy/, /Next: Create/]) {
      await user.click(screen.getByRole('button', { name: next }));
    }
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(
      await screen.findByText(
        `The key ${KEY_ID} was created; 1 step failed: creating the alias alias/taken`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the key as it is' })).toHaveAttribute(
      'href',
      `/keys/sandbox%3Aprod/us-east-1/${KEY_ID}`,
    );
    await user.click(screen.getByRole('button', { name: 'Change name and tags' }));
    const alias = screen.getByRole('textbox', { name: /Alias/ });
    await user.clear(alias);
    await user.type(alias, 'free');
    for (const next of [/Next: Access/, /Next: Policy/, /Next: Create/]) {
      await user.click(screen.getByRole('button', { name: next }));
    }
    await user.click(screen.getByRole('button', { name: 'Continue with the remaining steps' }));
    expect(await screen.findByTestId('create-result')).toHaveTextContent('Alias: alias/free');
    const creates = invoke.mock.calls.filter(([name]) => name === 'keys.create');
    expect(creates).toHaveLength(2);
    expect(creates[0]?.[1]).not.toHaveProperty('continueKeyId');
    expect(creates[1]?.[1]).toMatchObject({ continueKeyId: KEY_ID, alias: 'alias/free' });
  }, 60_000);
});
