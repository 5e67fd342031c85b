/** Regions the sandbox answers in (the demo world uses the first four). */
export const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'ap-southeast-2',
  'us-east-2',
  'us-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-south-1',
  'ca-central-1',
  'sa-east-1',
] as const;

export function isKnownRegion(region: string): boolean {
  return (REGIONS as readonly string[]).includes(region);
}
