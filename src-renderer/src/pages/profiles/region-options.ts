import { knownRegions } from '../../../../src-shared/schemas/regions';

export const regionOptions = knownRegions.map((region) => ({
  value: region.code,
  label: `${region.code} · ${region.name}`,
}));
