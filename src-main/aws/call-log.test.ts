import {
  CreateKeyCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log/logger';
import { createCallLog, type AwsCallRecord } from './call-log';
import { DEMO_ACCOUNTS, useSandbox } from './testing/use-sandbox';
import { testClientFactory } from './testing/test-client-factory';

const sandbox = useSandbox();

function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (level, message, fields) => lines.push(JSON.stringify({ level, message, ...fields })),
  };
}

describe('call log', () => {
  it('records each call’s service, operation, account, region, outcome and request id — never its parameters', async () => {
    const logger = capturingLogger();
    const aws = testClientFactory({ logger });
    const kms = await aws.client(KMSClient, sandbox.principal('prod'), 'eu-west-1');
    const keyId = (await kms.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId ?? '';
    const secret = 'the launch codes are 0000';
    await kms.send(
      new EncryptCommand({ KeyId: keyId, Plaintext: new TextEncoder().encode(secret) }),
    );
    const failure = await kms
      .send(new DescribeKeyCommand({ KeyId: 'alias/no-such-key' }))
      .catch((e: unknown) => e);

    const [, encrypt, describeKey] = aws.calls.recent();
    expect(encrypt).toMatchObject({
      service: 'kms',
      operation: 'Encrypt',
      profileId: 'test:prod',
      account: DEMO_ACCOUNTS.prod,
      region: 'eu-west-1',
      outcome: 'ok',
      httpStatus: 200,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      attempts: 1,
    } satisfies Partial<AwsCallRecord>);
    expect(describeKey).toMatchObject({
      operation: 'DescribeKey',
      outcome: 'NotFoundException',
      httpStatus: 400,
    });
    // The caller gets the mapped error, with the request id the log shows.
    expect(failure).toMatchObject({
      code: 'not-found',
      aws: { code: 'NotFoundException', requestId: describeKey?.requestId },
    });
    expect(logger.lines).toHaveLength(3);
    const text = logger.lines.join('\n');
    for (const leaked of [secret, btoa(secret), keyId, 'no-such-key']) {
      expect(text).not.toContain(leaked);
    }
    aws.close();
  });

  it('keeps the latest calls in a ring, oldest first', () => {
    const log = createCallLog({ log: () => undefined }, 3);
    const call = (operation: string) => ({ operation, outcome: 'ok' }) as unknown as AwsCallRecord;
    for (const op of ['A', 'B', 'C', 'D', 'E']) log.record(call(op));
    expect(log.recent().map((c) => c.operation)).toEqual(['C', 'D', 'E']);
  });
});
