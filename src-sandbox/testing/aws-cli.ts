import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestSandbox } from './test-sandbox';

const run = promisify(execFile);

/** Runs the real `aws` CLI against a test sandbox and answers its stdout. */
export type AwsCli = (args: readonly string[]) => Promise<string>;

/**
 * The AWS CLI `bin` pointed at `t` (its credentials and config files, `--endpoint-url`, no AWS_*
 * from the caller's environment), or undefined when that CLI is not installed.
 */
export async function awsCliFor(t: TestSandbox, bin = 'aws'): Promise<AwsCli | undefined> {
  try {
    await run(bin, ['--version'], { timeout: 20_000 });
  } catch {
    return undefined;
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  Object.assign(env, {
    AWS_SHARED_CREDENTIALS_FILE: t.sandbox.credentialsFile,
    AWS_CONFIG_FILE: t.sandbox.configFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  });
  return async (args) => {
    const { stdout } = await run(bin, ['--endpoint-url', t.sandbox.endpoint, ...args], {
      env,
      timeout: 30_000,
    });
    return stdout;
  };
}
