import { describe, expect, it } from 'vitest';
import { awsCliFor } from '../../testing/aws-cli';
import { startTestSandbox } from '../../testing/test-sandbox';

describe('AWS CLI', () => {
  it(
    'cloudtrail lookup-events (botocore target prefix, Username filter, --max-results)',
    {
      timeout: 60_000,
    },
    async () => {
      const t = await startTestSandbox();
      try {
        const cli = await awsCliFor(t);
        if (!cli) {
          console.log('skipping: aws CLI not available');
          return;
        }
        const stdout = await cli([
          '--profile',
          'prod',
          '--output',
          'json',
          'cloudtrail',
          'lookup-events',
          '--lookup-attributes',
          'AttributeKey=Username,AttributeValue=prod-developer',
          '--max-results',
          '5',
        ]);
        const out = JSON.parse(stdout) as {
          Events: { Username: string; EventTime: unknown; CloudTrailEvent: string }[];
          NextToken?: string;
        };
        expect(out.Events).toHaveLength(5);
        expect(out.NextToken).toEqual(expect.any(String));
        for (const e of out.Events) {
          expect(e.Username).toBe('prod-developer');
          expect(JSON.parse(e.CloudTrailEvent)).toMatchObject({
            userIdentity: { type: 'IAMUser', userName: 'prod-developer' },
          });
        }
        // The CLI's call was recorded under its botocore target, like any other.
        const own = t.sandbox.runtime.trail.query({
          account: '111111111111',
          region: 'us-east-1',
          limit: 1,
          attribute: { key: 'EventName', value: 'LookupEvents' },
        }).events[0];
        expect(own?.Username).toBe('admin');
        expect(JSON.parse(own?.CloudTrailEvent ?? '{}')).toMatchObject({
          userAgent: expect.stringMatching(/^aws-cli\//),
        });
      } finally {
        await t.stop();
      }
    },
  );
});
