import type { SourceFacts } from './use-reencrypt-source';

/**
 * Rough monthly prices in us-east-1 (aws.amazon.com/ebs/pricing): standard snapshot storage and
 * the common volume types per provisioned GB. Other Regions differ by a few cents.
 */
const SNAPSHOT_GB_MONTH = 0.05;
const VOLUME_GB_MONTH: Readonly<Record<string, number>> = {
  gp3: 0.08,
  gp2: 0.1,
  io1: 0.125,
  io2: 0.125,
  st1: 0.045,
  sc1: 0.015,
  standard: 0.05,
};

const dollars = (n: number) => `$${n < 10 ? n.toFixed(2) : Math.round(n).toString()}`;

/** What keeping the original costs, in words: "up to about $0.40 a month (8 GiB snapshot)". */
export function keepingCost(facts: SourceFacts | undefined, volume: boolean): string | null {
  if (!facts?.sizeGiB) return null;
  if (!volume) {
    return `up to about ${dollars(facts.sizeGiB * SNAPSHOT_GB_MONTH)} a month for its ${facts.sizeGiB} GiB (snapshot storage, about $0.05 per GB-month in us-east-1)`;
  }
  const rate = VOLUME_GB_MONTH[facts.volumeType ?? ''];
  if (rate === undefined) return null;
  return `about ${dollars(facts.sizeGiB * rate)} a month for its ${facts.sizeGiB} GiB ${facts.volumeType ?? ''} (billed on its provisioned size, ${dollars(rate)} per GB-month in us-east-1)`;
}
