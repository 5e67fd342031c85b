import { resolve } from 'node:path';
import { parseCliArgs, USAGE } from './cli-args';
import { start } from './server';
import { DEMO_SSO_REGION, DEMO_SSO_START_URL } from './sso/demo-directory';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    console.error(USAGE);
    process.exit(2);
  }
  const sandbox = await start({
    dataDir: resolve(options.dataDir),
    port: options.port,
    reset: options.reset,
    scale: options.scale,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.lookupRate === undefined ? {} : { lookupEventsRate: options.lookupRate }),
    ...(options.kmsQuotas === undefined ? {} : { kmsRequestQuotas: options.kmsQuotas }),
  });
  console.log(`listening on ${sandbox.endpoint}`);
  console.log(`admin token: ${sandbox.adminToken}`);
  console.log(`credentials: ${sandbox.credentialsFile}`);
  console.log(`config: ${sandbox.configFile}`);
  console.log(
    `IAM Identity Center: start URL ${DEMO_SSO_START_URL} (${DEMO_SSO_REGION}), ` +
      `sign-in page ${sandbox.endpoint}/sso/device`,
  );
  console.log(
    `try: AWS_SHARED_CREDENTIALS_FILE=${sandbox.credentialsFile} AWS_CONFIG_FILE=${sandbox.configFile} ` +
      `aws --profile prod --endpoint-url ${sandbox.endpoint} sts get-caller-identity`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    sandbox.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('sandbox failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
