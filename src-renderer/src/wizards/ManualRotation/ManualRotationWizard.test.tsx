import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../../../src-shared/models/key-metadata';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { ManualRotationWizard } from './ManualRotationWizard';

const oldId = '1a2b3c4d-0003-4aaa-8bbb-111111110003';
const newId = '9f8e7d6c-0003-4aaa-8bbb-222222220003';
const arn = (id: string) => `arn:aws:kms:us-east-1:111111111111:key/${id}`;
const metadata: KeyMetadata = {
  keyId: oldId,
  arn: arn(oldId),
  accountId: '111111111111',
  region: 'us-east-1',
  creationDate: '2026-01-01T00:00:00.000Z',
  enabled: true,
  description: 'Release signing',
  keyUsage: 'SIGN_VERIFY',
  keyState: 'Enabled',
  deletionDate: null,
  pendingDeletionWindowInDays: null,
  validTo: null,
  origin: 'AWS_KMS',
  expirationModel: null,
  keyManager: 'CUSTOMER',
  keySpec: 'RSA_2048',
  encryptionAlgorithms: [],
  signingAlgorithms: ['RSASSA_PSS_SHA_256'],
  macAlgorithms: [],
  keyAgreementAlgorithms: [],
  multiRegion: false,
  multiRegionConfiguration: null,
  currentKeyMaterialId: null,
};
const ok = <T,>(value: T) => ({ ok: true as const, value });
const alias = (aliasName: string) => ({
  aliasName,
  aliasArn: null,
  creationDate: null,
  lastUpdatedDate: null,
});

function detailOf(meta: KeyMetadata): KeyDetail {
  return {
    metadata: meta,
    policy: ok({ policyName: 'default', document: '{}' }),
    rotation: ok({
      supported: false,
      enabled: false,
      periodDays: null,
      nextRotationDate: null,
      onDemandRotationStartDate: null,
      unsupportedReason: 'Asymmetric keys cannot rotate automatically',
    }),
    rotations: ok([]),
    aliases: ok([alias('alias/release-signing'), alias('alias/legacy-signing')]),
    tags: ok([{ key: 'Team', value: 'release' }]),
    grants: ok([]),
    publicKey: ok(null),
  };
}

const keyRef = { profileId: 'sandbox:prod', region: 'us-east-1', keyId: oldId };

function setup(meta: KeyMetadata = metadata) {
  const { bridge, invoke, emit } = createMockBridge({
    'keys.rotateManually': okAnswer({ operationId: 'op-1' }),
  });
  render(<ManualRotationWizard keyRef={keyRef} detail={detailOf(meta)} />, bridge);
  const event = (payload: Record<string, unknown>) =>
    act(() => emit('operation', { operationId: 'op-1', name: 'keys.rotateManually', ...payload }));
  return { invoke, event };
}

const rotateCalls = (invoke: ReturnType<typeof setup>['invoke']) =>
  invoke.mock.calls.filter(([name]) => name === 'keys.rotateManually').map(([, input]) => input);

describe('ManualRotationWizard', () => {
  it('walks the key, the options and the preview of the AWS calls in order', async () => {
    const user = userEvent.setup();
    setup();
    expect(screen.getByTestId('why-manual')).toHaveTextContent(
      'Asymmetric keys can only be rotated manually',
    );
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));
    expect(screen.getByRole('checkbox', { name: 'alias/release-signing' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'alias/legacy-signing' }));
    await user.click(screen.getByRole('switch', { name: /schedule the old key’s deletion/i }));
    expect(screen.getByTestId('deletion-warning')).toHaveTextContent('becomes unreadable');
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    const calls = within(screen.getByTestId('planned-calls'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(calls).toEqual(['Sign', 'CreateKey', 'UpdateAlias', 'Verify', 'ScheduleKeyDeletion']);
    expect(screen.getByTestId('application-impact')).toHaveTextContent(
      'Signatures made with the old key must be verified with the old key',
    );
    await user.click(screen.getByRole('switch', { name: 'Show AWS CLI equivalent' }));
    expect(screen.getByTestId('cli-equivalent')).toHaveTextContent(
      'aws kms update-alias --region us-east-1 --alias-name alias/release-signing --target-key-id <new-key-id>',
    );
    expect(screen.getByTestId('cli-equivalent')).not.toHaveTextContent('alias/legacy-signing');
  });

  it('after a failure says what is done and continues with the same new key', async () => {
    const user = userEvent.setup();
    const { invoke, event } = setup();
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await user.click(screen.getByRole('button', { name: 'Rotate the key' }));
    expect(rotateCalls(invoke)).toEqual([
      { ...keyRef, aliases: ['alias/release-signing', 'alias/legacy-signing'] },
    ]);
    const partial = {
      newKeyArn: arn(newId),
      materialImported: false,
      replicated: [],
      aliasesMoved: ['alias/release-signing'],
    };
    event({
      type: 'progress',
      step: 3,
      stepCount: 6,
      title: 'Re-pointing alias/legacy-signing to the new key',
      partial,
    });
    event({
      type: 'failed',
      error: {
        code: 'throttled',
        message: 'The new key was created, but re-pointing alias/legacy-signing failed',
        retryable: false,
      },
    });
    const done = await screen.findByTestId('rotation-done-so-far');
    expect(done).toHaveTextContent(`New key created: ${newId}`);
    expect(done).toHaveTextContent('Aliases now on the new key: alias/release-signing');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue with this new key' }));
    expect(rotateCalls(invoke).at(-1)).toMatchObject({ resumeNewKeyId: arn(newId) });
    event({
      type: 'done',
      result: {
        oldKey: metadata,
        newKey: { ...metadata, keyId: newId, arn: arn(newId) },
        aliases: ['alias/legacy-signing', 'alias/release-signing'],
        oldKeyDeletionDate: null,
        verification: {
          kind: 'verify-signature',
          status: 'passed',
          message: 'Signatures made with the old key still verify with it',
        },
      },
    });
    expect(await screen.findByTestId('rotation-verification')).toHaveTextContent(
      'still verify with it ✓',
    );
    expect(screen.getByTestId('new-key-link')).toHaveTextContent(newId);
    expect(screen.getByTestId('old-key-state')).toHaveTextContent('Enabled');
  });

  it('offers the Rotation tab instead for a symmetric KMS key', () => {
    setup({ ...metadata, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT' });
    expect(screen.getByTestId('why-manual')).toHaveTextContent('AWS can rotate this key itself');
    expect(screen.getByRole('link', { name: 'Use the Rotation tab instead' })).toHaveAttribute(
      'href',
      `/keys/sandbox%3Aprod/us-east-1/${oldId}?tab=rotation`,
    );
  });

  it('has no wizard for an AWS managed key', () => {
    setup({ ...metadata, keyManager: 'AWS' });
    expect(screen.getByTestId('rotation-refused')).toHaveTextContent('AWS managed keys');
    expect(screen.queryByRole('button', { name: /Next/ })).not.toBeInTheDocument();
  });
});
