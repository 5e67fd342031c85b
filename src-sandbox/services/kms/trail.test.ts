import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKey, demoKeyArn } from '../../seed/demo-keys';
import { errorOf, startKmsKit, type KmsKit } from './kms-test-kit';

const P = '111111111111';
const B = '222222222222';
let kit: KmsKit;
beforeAll(async () => {
  kit = await startKmsKit({ lookupEventsRate: 'off' });
});
afterAll(async () => {
  await kit.t.stop();
});

async function events(profile: string, eventName: string) {
  const trail = new CloudTrailClient(kit.t.client(profile));
  const out = await trail.send(
    new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
    }),
  );
  return (out.Events ?? []).map(
    (e) => JSON.parse(e.CloudTrailEvent ?? '{}') as Record<string, unknown>,
  );
}

describe('CloudTrail records of KMS calls', () => {
  it('records cross-account use in the caller and the key owner accounts', async () => {
    const arn = demoKeyArn(demoKey('ebs-workloads'));
    await kit.kms('backup').send(new DescribeKeyCommand({ KeyId: arn }));
    for (const [profile, account] of [
      ['prod', P],
      ['backup', B],
    ] as const) {
      const [record] = await events(profile, 'DescribeKey');
      expect(record).toMatchObject({
        eventSource: 'kms.amazonaws.com',
        recipientAccountId: account,
        userIdentity: { accountId: B, arn: `arn:aws:iam::${B}:user/admin` },
        resources: [{ accountId: P, type: 'AWS::KMS::Key', ARN: arn }],
        readOnly: true,
      });
    }
  });

  it('records denials and control-plane responses', async () => {
    const legacy = demoKey('payments-legacy');
    const denied = await errorOf(
      kit.kms('prod-developer').send(new ScheduleKeyDeletionCommand({ KeyId: legacy.keyId })),
    );
    expect(denied.name).toBe('AccessDeniedException');
    const [record] = await events('prod', 'ScheduleKeyDeletion');
    expect(record).toMatchObject({
      errorCode: 'AccessDeniedException',
      requestParameters: { keyId: legacy.keyId },
      resources: [{ ARN: demoKeyArn(legacy) }],
    });
    const created = await kit.kms().send(new CreateKeyCommand({ Description: 'trail' }));
    await kit.kms().send(
      new ScheduleKeyDeletionCommand({
        KeyId: created.KeyMetadata?.KeyId,
        PendingWindowInDays: 7,
      }),
    );
    const [scheduled] = await events('prod', 'ScheduleKeyDeletion');
    expect(scheduled).toMatchObject({
      requestParameters: { keyId: created.KeyMetadata?.KeyId, pendingWindowInDays: 7 },
      responseElements: {
        keyId: created.KeyMetadata?.Arn,
        keyState: 'PendingDeletion',
        pendingWindowInDays: 7,
        deletionDate: expect.stringMatching(
          /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/,
        ),
      },
    });
  });
});
