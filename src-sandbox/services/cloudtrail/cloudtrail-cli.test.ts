import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startTestSandbox } from '../../testing/test-sandbox';

const run = promisify(execFile);

describe('AWS CLI', () => {
  it(
    'cloudtrail lookup-events (botocore target prefix, Username filter, --max-results)',
    {
      timeout: 60_000,
    },
    async () => {
      try {
        await run('aws', ['--version'], { timeout: 20_000 });
      } catch {
        console.log('skipping: aws CLI not available');
        return;
      }
      const t = await startTestSandbox();
      try {
        const env: NodeJS.ProcessEnv = {};
        for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
        Object.assign(env, {
          AWS_SHARED_CREDENTIALS_FILE: t.sandbox.credentialsFile,
          AWS_CONFIG_FILE: t.sandbox.configFile,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PAGER: '',
        });
        const { stdout } = await run(
          'aws',
          [
            '--profile',
            'prod',
            '--endpoint-url',
            t.sandbox.endpoint,
            '--output',
            'json',
            'cloudtrail',
            'lookup-events',
            '--lookup-attributes',
            'AttributeKey=Username,AttributeValue=prod-developer',
            '--max-results',
            '5',
          ],
          { env, timeout: 30_000 },
        );
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
