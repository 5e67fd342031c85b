import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../../../src-shared/models/key-metadata';
import { defaultSettings } from '../../../../src-shared/schemas/settings';
import { AppRoutes } from '../../Router';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';

const keyId = '1a2b3c4d-0003-4aaa-8bbb-111111110003';
const metadata: KeyMetadata = {
  keyId,
  arn: `arn:aws:kms:us-east-1:111111111111:key/${keyId}`,
  accountId: '111111111111',
  region: 'us-east-1',
  creationDate: '2026-01-01T00:00:00.000Z',
  enabled: true,
  description: 'EBS volumes',
  keyUsage: 'ENCRYPT_DECRYPT',
  keyState: 'Enabled',
  deletionDate: null,
  pendingDeletionWindowInDays: null,
  validTo: null,
  origin: 'AWS_KMS',
  expirationModel: null,
  keyManager: 'CUSTOMER',
  keySpec: 'SYMMETRIC_DEFAULT',
  encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
  signingAlgorithms: [],
  macAlgorithms: [],
  keyAgreementAlgorithms: [],
  multiRegion: false,
  multiRegionConfiguration: null,
  currentKeyMaterialId: null,
};
const ok = <T,>(value: T) => ({ ok: true as const, value });

function detailOf(meta: KeyMetadata): KeyDetail {
  return {
    metadata: meta,
    policy: ok({ policyName: 'default', document: '{"Version":"2012-10-17","Statement":[]}' }),
    rotation: ok({
      supported: true,
      enabled: false,
      periodDays: null,
      nextRotationDate: null,
      onDemandRotationStartDate: null,
      unsupportedReason: null,
    }),
    rotations: ok([]),
    aliases: ok([
      {
        aliasName: 'alias/ebs-workloads',
        aliasArn: null,
        creationDate: null,
        lastUpdatedDate: null,
      },
    ]),
    tags: ok([{ key: 'Team', value: 'platform' }]),
    grants: {
      ok: false,
      error: { code: 'access-denied', message: 'ListGrants denied', retryable: false },
    },
    publicKey: ok(null),
  };
}

const usage = {
  keyArn: metadata.arn,
  scope: [
    { profileId: 'sandbox:prod', region: 'us-east-1', accountId: '111111111111', error: null },
  ],
  volumes: [],
  snapshots: [
    {
      profileId: 'sandbox:prod',
      region: 'us-east-1',
      snapshotId: 'snap-0d15c000000000001',
      state: 'completed',
      volumeId: null,
      startTime: null,
      description: null,
      name: 'db nightly',
      kmsKeyId: metadata.arn,
    },
  ],
  images: [],
};

function setup(meta: KeyMetadata = metadata) {
  return createMockBridge({
    'keys.detail': okAnswer(detailOf(meta)),
    'settings.get': okAnswer(defaultSettings),
    'keys.deletionImpact': okAnswer({
      usage,
      defaultEbsKeyIn: [],
      aliases: [],
      aliasesError: null,
      keyState: 'Enabled',
      recentUse: {
        activity: null,
        reason: 'CloudTrail is not readable with this profile',
        error: { code: 'access-denied', message: 'Denied', retryable: false },
      },
      summary: '1 snapshot would become unreadable.',
    }),
    'keys.activity': okAnswer({
      activity: {
        days: 30,
        count: 250_012,
        cryptographicCount: 250_000,
        capped: false,
        last: null,
        topEvents: [],
        topCallers: [],
      },
      reason: null,
      error: null,
    }),
    'keys.scheduleDeletion': okAnswer({
      keyId,
      keyState: 'PendingDeletion',
      deletionDate: '2027-01-01T00:00:00.000Z',
      pendingWindowInDays: 30,
      message: 'Scheduled.',
    }),
  });
}

const route = (tab?: string) =>
  `/keys/${encodeURIComponent('sandbox:prod')}/us-east-1/${keyId}${tab ? `?tab=${tab}` : ''}`;

describe('KeyDetailPage', () => {
  it('opens on the tab the address names and shows a refused part on its own', async () => {
    const { bridge } = setup();
    render(<AppRoutes />, bridge, route('grants'));
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'alias/ebs-workloads' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Grants' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('ListGrants denied')).toBeInTheDocument();
  });

  it('the general tab estimates the month: key, rotations and requests from CloudTrail', async () => {
    const { bridge } = setup();
    render(<AppRoutes />, bridge, route());
    const card = await screen.findByTestId('cost-card', {}, { timeout: 10_000 });
    expect(
      await within(card).findByText('Estimated monthly cost: $1.75', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(within(card).getByTestId('requests-note')).toHaveTextContent(
      'estimate (from 250,000 calls recorded by CloudTrail in the last 30 days)',
    );
  });

  it('keeps Schedule deletion disabled until the impact is read and the alias typed', async () => {
    const { bridge, invoke } = setup();
    render(<AppRoutes />, bridge, route());
    await userEvent.click(
      await screen.findByRole('button', { name: 'Schedule deletion…' }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Schedule this key’s deletion?' });
    expect(
      await within(dialog).findByText('snap-0d15c000000000001 (us-east-1)'),
    ).toBeInTheDocument();
    expect(within(dialog).getByTestId('recent-use')).toHaveTextContent(
      'Recent use: unknown — CloudTrail is not readable with this profile.',
    );
    const go = within(dialog).getByRole('button', { name: 'Schedule deletion' });
    expect(go).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Type alias/ebs-workloads to confirm' }),
      'alias/ebs-workloads',
    );
    expect(go).toBeEnabled();
    await userEvent.click(go);
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('keys.scheduleDeletion', {
        profileId: 'sandbox:prod',
        region: 'us-east-1',
        keyId,
        pendingWindowInDays: 30,
      }),
    );
  });

  it('offers no lifecycle action on an AWS managed key and says why', async () => {
    const { bridge } = setup({ ...metadata, keyManager: 'AWS' });
    render(<AppRoutes />, bridge, route());
    expect(await screen.findByText('AWS managed key', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disable…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Schedule deletion…' })).not.toBeInTheDocument();
  });

  it('offers rotation by hand on an RSA key’s Rotation tab, which opens the wizard', async () => {
    const user = userEvent.setup();
    const { bridge } = setup({ ...metadata, keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });
    render(<AppRoutes />, bridge, route('rotation'));
    const entry = await screen.findByRole('link', { name: 'Rotate by hand…' }, { timeout: 10_000 });
    expect(entry).toHaveAttribute('href', `/keys/rotate/sandbox%3Aprod/us-east-1/${keyId}`);
    await user.click(entry);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Rotate alias/ebs-workloads by hand' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('why-manual')).toHaveTextContent('Asymmetric keys');
  });

  it('has no rotation by hand for an AWS managed key', async () => {
    const { bridge } = setup({ ...metadata, keyManager: 'AWS' });
    render(<AppRoutes />, bridge, route('rotation'));
    expect(await screen.findByTestId('rotation-status', {}, { timeout: 10_000 })).toBeVisible();
    expect(screen.queryByTestId('rotate-by-hand')).not.toBeInTheDocument();
  });
});
