import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BulkRotationOutcome } from '../../../../../src-shared/models/bulk-rotation';
import type { KeyRow } from '../../../../../src-shared/models/kms-key';
import { createMockBridge, okAnswer } from '../../../test-utils/mock-bridge';
import { render } from '../../../test-utils/render';
import { EnableRotationDialog } from './EnableRotationDialog';

let next = 0;
function row(alias: string, overrides: Partial<KeyRow> = {}): KeyRow {
  next += 1;
  const keyId = `1a2b3c4d-00${String(next).padStart(2, '0')}-4aaa-8bbb-111111110000`;
  return {
    profileId: 'sandbox:prod',
    profileName: 'Sandbox · prod',
    accountId: '111111111111',
    region: 'us-east-1',
    keyId,
    arn: `arn:aws:kms:us-east-1:111111111111:key/${keyId}`,
    aliases: [alias],
    keySpec: 'SYMMETRIC_DEFAULT',
    type: 'symmetric',
    usage: 'ENCRYPT_DECRYPT',
    state: 'Enabled',
    manager: 'customer',
    origin: 'AWS_KMS',
    rotation: {
      mode: 'automatic',
      enabled: false,
      periodDays: null,
      nextRotationDate: null,
      onDemandStartedAt: null,
    },
    multiRegion: { role: 'none', primaryRegion: null, replicaRegions: [] },
    createdAt: '2026-01-01T00:00:00.000Z',
    description: '',
    tags: {},
    policy: null,
    deletionDate: null,
    validTo: null,
    estimatedMonthlyCostUsd: 1,
    fetchErrors: [],
    fetchedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

const payments = row('alias/payments-legacy');
const orders = row('alias/orders', { region: 'eu-west-1', profileName: 'Sandbox · backup' });
const rows = [
  row('alias/app-data', {
    rotation: { ...payments.rotation, enabled: true, periodDays: 365 },
  }),
  payments,
  row('alias/code-signing', {
    type: 'rsa',
    keySpec: 'RSA_3072',
    rotation: { ...payments.rotation, mode: 'manual-only' },
  }),
  row('alias/retired-analytics', { state: 'Disabled' }),
  orders,
];

const lineOf = (alias: string) =>
  screen
    .getAllByTestId('preview-line')
    .find((line) => line.textContent?.includes(alias)) as HTMLElement;

describe('Enable rotation dialog', () => {
  it('previews each key, shows the calls, runs once for all and lists a failure to retry', async () => {
    const user = userEvent.setup();
    const { bridge, invoke, emit } = createMockBridge({
      'keys.enableRotationBulk': okAnswer({ operationId: 'op-1' }),
    });
    const onChanged = vi.fn();
    render(
      <EnableRotationDialog opened rows={rows} onClose={() => undefined} onChanged={onChanged} />,
      bridge,
    );

    expect(await screen.findByText(/2 keys will rotate; 3 keys are skipped/)).toBeVisible();
    expect(within(lineOf('alias/payments-legacy')).getByText('Will enable')).toBeVisible();
    expect(within(lineOf('alias/orders')).getByText('eu-west-1')).toBeVisible();
    expect(within(lineOf('alias/app-data')).getByText('Already on, every 365 days.')).toBeVisible();
    expect(
      within(lineOf('alias/code-signing')).getByText(/Asymmetric key \(RSA_3072\)/),
    ).toBeVisible();
    expect(
      within(lineOf('alias/retired-analytics')).getByText(/Disabled: .*Enable it first/),
    ).toBeVisible();

    const periodInput = screen.getByRole('textbox', { name: /Rotation period/ });
    await user.clear(periodInput);
    await user.type(periodInput, '90');
    await user.click(screen.getByRole('button', { name: 'Show the AWS calls' }));
    expect(screen.getByTestId('aws-calls')).toHaveTextContent(
      `EnableKeyRotation {"KeyId":"${payments.arn}","RotationPeriodInDays":90}`,
    );
    expect(screen.getByTestId('aws-calls')).not.toHaveTextContent('code-signing');

    await user.click(screen.getByRole('button', { name: 'Enable rotation on 2 keys' }));
    expect(invoke).toHaveBeenCalledWith('keys.enableRotationBulk', {
      keys: [payments, orders].map(({ profileId, region, keyId }) => ({
        profileId,
        region,
        keyId,
      })),
      periodDays: 90,
    });

    const enabled: BulkRotationOutcome = {
      profileId: payments.profileId,
      region: payments.region,
      keyId: payments.keyId,
      outcome: 'enabled',
      reason: null,
      error: null,
      rotation: {
        supported: true,
        enabled: true,
        periodDays: 90,
        nextRotationDate: '2027-03-01T00:00:00.000Z',
        onDemandRotationStartDate: null,
        unsupportedReason: null,
      },
    };
    const failed: BulkRotationOutcome = {
      profileId: orders.profileId,
      region: orders.region,
      keyId: orders.keyId,
      outcome: 'failed',
      reason: null,
      rotation: null,
      error: {
        code: 'access-denied',
        message: 'Not allowed to EnableKeyRotation on this key.',
        retryable: false,
        aws: { code: 'AccessDeniedException', requestId: 'req-123' },
      },
    };
    const base = { operationId: 'op-1', name: 'keys.enableRotationBulk' };
    act(() => {
      for (const [index, outcome] of [enabled, failed].entries()) {
        emit('operation', {
          ...base,
          type: 'progress',
          step: index,
          stepCount: 2,
          title: `${index + 1} of 2 keys done`,
          partial: { outcome },
        });
      }
      emit('operation', {
        ...base,
        type: 'done',
        result: { periodDays: 90, outcomes: [enabled, failed] },
      });
    });

    expect(await screen.findByTestId('bulk-result')).toHaveTextContent(
      '1 enabled · 3 skipped · 1 failed',
    );
    expect(
      within(lineOf('alias/payments-legacy')).getByText('Every 90 days, next 2027-03-01'),
    ).toBeVisible();
    const failure = lineOf('alias/orders');
    expect(within(failure).getByText('Failed')).toBeVisible();
    expect(
      within(failure).getByText('AWS AccessDeniedException · request id req-123'),
    ).toBeVisible();
    expect(onChanged).toHaveBeenCalledWith([
      { profileId: payments.profileId, region: payments.region, keyId: payments.keyId },
      { profileId: orders.profileId, region: orders.region, keyId: orders.keyId },
    ]);

    await user.click(screen.getByRole('button', { name: 'Retry failed (1)' }));
    expect(invoke).toHaveBeenLastCalledWith('keys.enableRotationBulk', {
      keys: [{ profileId: orders.profileId, region: orders.region, keyId: orders.keyId }],
      periodDays: 90,
    });
  });

  it('has nothing to enable when every selected key is skipped', async () => {
    const { bridge } = createMockBridge();
    render(
      <EnableRotationDialog
        opened
        rows={rows.slice(2, 4)}
        onClose={() => undefined}
        onChanged={() => undefined}
      />,
      bridge,
    );
    expect(await screen.findByRole('button', { name: 'Nothing to enable' })).toBeDisabled();
  });
});
