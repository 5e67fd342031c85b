import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BaselineCell } from './sdk-sequential';

export interface CliSample {
  readonly cli: string;
  readonly version: string;
  readonly processes: number;
  readonly msPerProcess: number;
  readonly extrapolatedMs: number;
}

/** `/usr/bin/aws` (v2 on this machine) if it is there, else the `aws` on PATH. */
function awsCli(): string {
  return existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';
}

/**
 * Baseline (b): the loop an engineer would write — one `aws` process per call (list-keys and
 * list-aliases paginate inside their one process). Timed on `samples` processes spread over the
 * calls a key needs, and extrapolated: 2 processes per cell + `callsPerKey` per key.
 */
export function cliLoop(options: {
  endpoint: string;
  credentialsFile: string;
  configFile: string;
  cell: BaselineCell;
  keyIds: readonly string[];
  keys: number;
  cells: number;
  callsPerKey: number;
  samples: number;
}): CliSample {
  const cli = awsCli();
  const env = {
    ...process.env,
    AWS_SHARED_CREDENTIALS_FILE: options.credentialsFile,
    AWS_CONFIG_FILE: options.configFile,
    AWS_PAGER: '',
  };
  const common = [
    '--profile',
    options.cell.profile,
    '--region',
    options.cell.region,
    '--endpoint-url',
    options.endpoint,
    '--output',
    'json',
  ];
  const version = spawnSync(cli, ['--version'], { env, encoding: 'utf8' }).stdout.trim();
  const perKey = (keyId: string) => [
    ['kms', 'describe-key', '--key-id', keyId],
    ['kms', 'get-key-rotation-status', '--key-id', keyId],
    ['kms', 'list-resource-tags', '--key-id', keyId],
    ['kms', 'get-key-policy', '--key-id', keyId, '--policy-name', 'default'],
  ];
  const commands = [
    ['kms', 'list-keys'],
    ['kms', 'list-aliases'],
    ...options.keyIds.flatMap(perKey),
  ].slice(0, options.samples);
  const started = performance.now();
  for (const args of commands) {
    const run = spawnSync(cli, [...args, ...common], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${cli} ${args.join(' ')} failed: ${run.stderr}`);
  }
  const msPerProcess = (performance.now() - started) / commands.length;
  const processes = 2 * options.cells + options.callsPerKey * options.keys;
  return {
    cli,
    version,
    processes: commands.length,
    msPerProcess,
    extrapolatedMs: msPerProcess * processes,
  };
}
