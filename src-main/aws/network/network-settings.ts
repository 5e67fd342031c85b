import { loadCaBundle, type CaBundle, type CaBundleSource } from './ca-bundle';

/** The Settings values that shape how real-AWS requests travel (Settings → Network). */
export interface NetworkSettings {
  /** A PEM file of extra CA certificates; when null, AWS_CA_BUNDLE is used if set. */
  readonly caBundlePath: string | null;
  /** Use FIPS endpoints for every real-AWS profile (otherwise the env / shared config decides). */
  readonly useFipsEndpoint: boolean;
  /** Use dual-stack (IPv4+IPv6) endpoints for every real-AWS profile (likewise). */
  readonly useDualstackEndpoint: boolean;
}

/** Until the user chooses otherwise: the environment and the shared config decide. */
export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = {
  caBundlePath: null,
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
};

/** The network part of the app's settings. */
export function networkSettingsOf(settings: NetworkSettings): NetworkSettings {
  return {
    caBundlePath: settings.caBundlePath,
    useFipsEndpoint: settings.useFipsEndpoint,
    useDualstackEndpoint: settings.useDualstackEndpoint,
  };
}

/** The CA bundle file in effect: the Settings path wins over AWS_CA_BUNDLE. */
export function caBundleChoice(
  settings: NetworkSettings,
): { readonly path: string; readonly source: CaBundleSource } | undefined {
  if (settings.caBundlePath) return { path: settings.caBundlePath, source: 'settings' };
  const fromEnv = process.env.AWS_CA_BUNDLE?.trim();
  return fromEnv ? { path: fromEnv, source: 'AWS_CA_BUNDLE' } : undefined;
}

/** Loads (and validates) the CA bundle in effect, if any. */
export async function caBundleInEffect(settings: NetworkSettings): Promise<CaBundle | undefined> {
  const choice = caBundleChoice(settings);
  return choice ? loadCaBundle(choice.path, choice.source) : undefined;
}
