import { parseArgs } from 'node:util';
import type { RequestRate } from '../src-shared/quotas/token-bucket';
import { parseRequestRate } from './services/cloudtrail/request-rate';

export interface CliOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly reset: boolean;
  readonly faults?: string;
  readonly scale: number;
  /** `--lookup-rate <n|off>`: CloudTrail LookupEvents TPS per account and region (default 2). */
  readonly lookupRate?: RequestRate;
  /** `--kms-quotas on|off`: KMS request quotas (default on, AWS's numbers). */
  readonly kmsQuotas?: 'on' | 'off';
}

export const USAGE =
  'usage: npm run sandbox -- --port <p> --data-dir <dir> [--reset] [--faults <spec>] [--scale N] [--lookup-rate <n|off>] [--kms-quotas on|off]';

/** Parses `--port <p> --data-dir <d> [--reset] [--faults <spec>] [--scale N]`; throws with a message. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
      faults: { type: 'string' },
      scale: { type: 'string' },
      'lookup-rate': { type: 'string' },
      'kms-quotas': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port '${values.port}'`);
  const dataDir = values['data-dir'];
  if (dataDir === undefined || dataDir === '') throw new Error('--data-dir is required');
  const scale = Number(values.scale ?? '0');
  if (!Number.isInteger(scale) || scale < 0) throw new Error(`invalid --scale '${values.scale}'`);
  const kmsQuotas = values['kms-quotas'];
  if (kmsQuotas !== undefined && kmsQuotas !== 'on' && kmsQuotas !== 'off') {
    throw new Error(`invalid --kms-quotas '${kmsQuotas}' (on or off)`);
  }
  return {
    port,
    dataDir,
    reset: values.reset === true,
    ...(values.faults === undefined ? {} : { faults: values.faults }),
    scale,
    ...(values['lookup-rate'] === undefined
      ? {}
      : { lookupRate: parseRequestRate(values['lookup-rate']) }),
    ...(kmsQuotas === undefined ? {} : { kmsQuotas }),
  };
}
