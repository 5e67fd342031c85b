// npm run bench:inventory — the Keys inventory (aliases, rotation status, tags, key policy) for
// 3 accounts × 3 regions × 400 keys on the standalone sandbox (--scale 400, latency=25ms per
// call, KMS request quotas on), beside two sequential baselines on the same sandbox.
import { availableParallelism, loadavg } from 'node:os';
import { runInventory } from '../../src-main/keys/bench/inventory-run';
import { cliLoop } from './cli-loop';
import { sdkSequential, type BaselineCell } from './sdk-sequential';
import { startStandaloneSandbox } from './standalone-sandbox';

const ACCOUNTS = [
  { id: 'prod', accountId: '111111111111' },
  { id: 'backup', accountId: '222222222222' },
  { id: 'partner', accountId: '333333333333' },
];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const KEYS = 400;
const LATENCY = '25ms';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function main(): Promise<void> {
  const t0 = performance.now();
  const sandbox = await startStandaloneSandbox([
    '--scale',
    String(KEYS),
    '--faults',
    `latency=${LATENCY}`,
    '--kms-quotas',
    'on',
  ]);
  console.log(
    `# sandbox: ${sandbox.endpoint}, --scale ${KEYS}, latency=${LATENCY} per call, KMS quotas on (started in ${seconds(performance.now() - t0)})`,
  );
  try {
    const profiles = ACCOUNTS.map((a) => ({ ...a, credentials: sandbox.credentials(a.id) }));
    const sandboxCpu0 = sandbox.cpuMs();
    const cpu0 = process.cpuUsage();
    const run = await runInventory(sandbox.endpoint, profiles, REGIONS);
    const cpu = process.cpuUsage(cpu0);
    const sandboxCpu = sandbox.cpuMs();
    const failed = run.cells.filter((c) => c.status !== 'done');
    console.log(
      `# inventory: ${run.rows} rows (${KEYS} bench keys per cell + the demo keys), ${run.calls} calls, ` +
        `${run.retriedAttempts} attempts retried inside the access layer, ${failed.length} cells not done`,
    );
    for (const failure of run.failures.slice(0, 5)) console.log(`#   failure: ${failure}`);
    // Parallel reads are bound by CPU (SDK client + the one-threaded sandbox), sequential ones by
    // latency: on a shared machine the ratio moves with the load, so it is printed with them.
    console.log(
      `# cpu during the inventory: this process ${seconds((cpu.user + cpu.system) / 1000)}, sandbox ` +
        `${sandboxCpu === null || sandboxCpu0 === null ? '?' : seconds(sandboxCpu - sandboxCpu0)}, over ` +
        `${seconds(run.ms)} wall on ${availableParallelism()} cores; load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );

    const cells: BaselineCell[] = ACCOUNTS.flatMap((a) =>
      REGIONS.map((region) => ({ profile: a.id, region, credentials: sandbox.credentials(a.id) })),
    );
    const sdk = await sdkSequential(sandbox.endpoint, cells, 6);
    console.log(
      `# sdk-sequential: listing measured in full (${seconds(sdk.listMs)}); per-key calls timed on a sample of ` +
        `${sdk.sampledKeys} keys (${(sdk.sampleMs / sdk.sampledKeys).toFixed(1)} ms per key, ${sdk.callsPerKey.toFixed(2)} calls) ` +
        `and EXTRAPOLATED to ${sdk.keysListed} keys: ${seconds(sdk.extrapolatedMs)}`,
    );
    const first = cells[0] as BaselineCell;
    const cli = cliLoop({
      endpoint: sandbox.endpoint,
      credentialsFile: sandbox.credentialsFile,
      configFile: sandbox.configFile,
      cell: first,
      keyIds: (sdk.keyIds.get(first) ?? []).slice(-3),
      keys: sdk.keysListed,
      cells: cells.length,
      callsPerKey: sdk.callsPerKey,
      samples: 12,
    });
    console.log(
      `# cli-loop: ${cli.cli} (${cli.version}); ${cli.processes} processes timed (${cli.msPerProcess.toFixed(0)} ms each) and ` +
        `EXTRAPOLATED to ${Math.round(2 * cells.length + sdk.callsPerKey * sdk.keysListed)} processes: ${seconds(cli.extrapolatedMs)}`,
    );
    console.log(
      `inventory: ${ACCOUNTS.length} accounts x ${REGIONS.length} regions x ${KEYS} keys in ${Math.round(run.ms)} ms`,
    );
    console.log(`vs-sdk-sequential: ${ratio(sdk.extrapolatedMs / run.ms)}x`);
    console.log(`vs-cli-loop: ${ratio(cli.extrapolatedMs / run.ms)}x`);
    console.log(`throttling-errors-surfaced: ${run.throttlingSurfaced}`);
  } finally {
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
