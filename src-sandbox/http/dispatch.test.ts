import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM, jsonTarget, sendSigned } from '../testing/signed-request';
import { startTestSandbox, type TestSandbox } from '../testing/test-sandbox';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ lookupEventsRate: 'off' });
});
afterAll(async () => {
  await t.stop();
});

/** Names every JavaScript object answers to: none of them is an AWS operation. */
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty'] as const;

const QUERY_SERVICES = [
  { service: 'sts', version: '2011-06-15' },
  { service: 'iam', version: '2010-05-08' },
  { service: 'ec2', version: '2016-11-15' },
] as const;

const JSON_SERVICES = [
  { service: 'kms', prefix: 'TrentService' },
  { service: 'cloudtrail', prefix: 'CloudTrail_20131101' },
  { service: 'cloudtrail', prefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101' },
] as const;

describe('an operation name that is an Object.prototype member', () => {
  it.each(PROTOTYPE_NAMES)('is an unknown operation for the JSON services: %s', async (name) => {
    for (const { service, prefix } of JSON_SERVICES) {
      const reply = await sendSigned(t, {
        service,
        headers: jsonTarget(`${prefix}.${name}`),
        body: '{}',
      });
      expect([service, reply.status]).toEqual([service, 400]);
      expect(JSON.parse(reply.body)).toMatchObject({ __type: 'UnknownOperationException' });
    }
  });

  it.each(PROTOTYPE_NAMES)('is an InvalidAction for the query services: %s', async (name) => {
    for (const { service, version } of QUERY_SERVICES) {
      const reply = await sendSigned(t, {
        service,
        headers: FORM,
        body: `Action=${encodeURIComponent(name)}&Version=${version}`,
      });
      expect([service, reply.status]).toEqual([service, 400]);
      expect(reply.body).toContain('<Code>InvalidAction</Code>');
    }
  });

  it('leaves no CloudTrail event behind', async () => {
    await sendSigned(t, {
      service: 'kms',
      headers: jsonTarget('TrentService.constructor'),
      body: '{}',
    });
    await sendSigned(t, {
      service: 'sts',
      headers: FORM,
      body: 'Action=constructor&Version=2011-06-15',
    });
    const trail = new CloudTrailClient(t.client('prod'));
    for (const name of PROTOTYPE_NAMES) {
      const found = await trail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
        }),
      );
      expect([name, found.Events ?? []]).toEqual([name, []]);
    }
  });
});
