import { KeywardError } from '../../../src-shared/errors';
import type { NetworkStatus } from '../../../src-shared/models/network';
import { loadCaBundle } from './ca-bundle';
import { caBundleChoice, type NetworkSettings } from './network-settings';
import { maskProxyUrl, noProxyInEffect, proxyInEffect } from './proxy-env';

const reason = (error: unknown): string =>
  error instanceof KeywardError && error.hint
    ? `${error.message} ${error.hint}`
    : (error as Error).message;

/** What real-AWS requests use now, for Settings → Network and diagnostics. */
export async function describeNetwork(settings: NetworkSettings): Promise<NetworkStatus> {
  let proxy: NetworkStatus['proxy'] = null;
  let proxyError: string | null = null;
  try {
    const found = proxyInEffect();
    if (found) proxy = { url: maskProxyUrl(found.url), variable: found.variable };
  } catch (error) {
    proxyError = reason(error);
  }
  let caBundle: NetworkStatus['caBundle'] = null;
  let caBundleError: string | null = null;
  const choice = caBundleChoice(settings);
  if (choice) {
    try {
      const bundle = await loadCaBundle(choice.path, choice.source);
      caBundle = {
        path: bundle.path,
        source: bundle.source,
        certificateCount: bundle.certificates.length,
        subjects: bundle.subjects.slice(0, 10).map((subject) => subject.slice(0, 500)),
      };
    } catch (error) {
      caBundleError = reason(error);
    }
  }
  const env = (name: string) => process.env[name]?.trim() || null;
  return {
    proxy,
    proxyError,
    noProxy: noProxyInEffect() ?? null,
    caBundle,
    caBundleError,
    extraCaCerts: env('NODE_EXTRA_CA_CERTS'),
    fips: { setting: settings.useFipsEndpoint, env: env('AWS_USE_FIPS_ENDPOINT') },
    dualstack: { setting: settings.useDualstackEndpoint, env: env('AWS_USE_DUALSTACK_ENDPOINT') },
  };
}
