import packageJson from '../../package.json';

export const appIdentity = {
  productName: packageJson.productName,
  version: packageJson.version,
} as const;
