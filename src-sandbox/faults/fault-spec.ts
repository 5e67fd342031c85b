/**
 * `--faults throttle=0.2,latency=50ms,error5xx=0.05,reset=0.01[,op=CopySnapshot][,service=ec2][,region=us-east-1]`
 * Probabilities are 0–1; latency takes `ms` or `s` (bare numbers are ms); `op`, `service` and
 * `region` may repeat (or list names with `+`) to limit the faults to those calls.
 */
export interface FaultConfig {
  readonly throttle: number;
  readonly error5xx: number;
  readonly reset: number;
  readonly latencyMs: number;
  /** Only these operations (empty = all). */
  readonly operations: readonly string[];
  /** Only these services (empty = all). */
  readonly services: readonly string[];
  /** Only calls signed for these Regions (empty = all): one Region slow or throttled. */
  readonly regions: readonly string[];
}

export const NO_FAULTS: FaultConfig = {
  throttle: 0,
  error5xx: 0,
  reset: 0,
  latencyMs: 0,
  operations: [],
  services: [],
  regions: [],
};

function probability(name: string, text: string): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new Error(`fault '${name}' needs a probability between 0 and 1, got '${text}'`);
  }
  return n;
}

function duration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!m) throw new Error(`fault 'latency' needs a duration like 50ms, got '${text}'`);
  const value = Number(m[1]);
  return m[2] === 's' ? value * 1000 : value;
}

/** Parses a fault spec; throws an Error naming the bad part. Empty → no faults. */
export function parseFaultSpec(spec: string): FaultConfig {
  const config = {
    ...NO_FAULTS,
    operations: [] as string[],
    services: [] as string[],
    regions: [] as string[],
  };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`fault '${part}' must look like name=value`);
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    switch (name) {
      case 'throttle':
      case 'error5xx':
      case 'reset':
        config[name] = probability(name, value);
        break;
      case 'latency':
        config.latencyMs = duration(value);
        break;
      case 'op':
        config.operations.push(...value.split('+').filter((v) => v !== ''));
        break;
      case 'service':
        config.services.push(...value.split('+').filter((v) => v !== ''));
        break;
      case 'region':
        config.regions.push(...value.split('+').filter((v) => v !== ''));
        break;
      default:
        throw new Error(
          `unknown fault '${name}' (known: throttle, latency, error5xx, reset, op, service, region)`,
        );
    }
  }
  return config;
}

export function formatFaultSpec(config: FaultConfig): string {
  const parts: string[] = [];
  if (config.throttle > 0) parts.push(`throttle=${config.throttle}`);
  if (config.latencyMs > 0) parts.push(`latency=${config.latencyMs}ms`);
  if (config.error5xx > 0) parts.push(`error5xx=${config.error5xx}`);
  if (config.reset > 0) parts.push(`reset=${config.reset}`);
  for (const op of config.operations) parts.push(`op=${op}`);
  for (const s of config.services) parts.push(`service=${s}`);
  for (const r of config.regions) parts.push(`region=${r}`);
  return parts.join(',');
}

export type FaultAction = 'reset' | 'throttle' | 'error5xx' | undefined;

export interface FaultDecision {
  readonly latencyMs: number;
  readonly action: FaultAction;
}

/** Holds the current faults; `decide` is called once per API request before dispatch. */
export class FaultController {
  private config: FaultConfig;

  constructor(
    initial: FaultConfig = NO_FAULTS,
    private readonly random: () => number = Math.random,
  ) {
    this.config = initial;
  }

  get current(): FaultConfig {
    return this.config;
  }

  set(config: FaultConfig): void {
    this.config = config;
  }

  /** `region`: the Region the call is signed for, when it has one. */
  decide(service: string, operation: string, region?: string): FaultDecision {
    const c = this.config;
    if (c.regions.length > 0 && (region === undefined || !c.regions.includes(region)))
      return { latencyMs: 0, action: undefined };
    if (c.operations.length > 0 && !c.operations.includes(operation))
      return { latencyMs: 0, action: undefined };
    if (c.services.length > 0 && !c.services.includes(service))
      return { latencyMs: 0, action: undefined };
    let action: FaultAction;
    if (c.reset > 0 && this.random() < c.reset) action = 'reset';
    else if (c.throttle > 0 && this.random() < c.throttle) action = 'throttle';
    else if (c.error5xx > 0 && this.random() < c.error5xx) action = 'error5xx';
    return { latencyMs: c.latencyMs, action };
  }
}
