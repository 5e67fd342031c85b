import { readFileSync } from 'node:fs';
import tls from 'node:tls';

let defaults: readonly string[] | undefined;

/**
 * The certificates Node trusts by default: Mozilla's roots plus NODE_EXTRA_CA_CERTS. Passing `ca`
 * to a TLS socket replaces that store, so a CA bundle is added on top of these, never instead.
 */
function defaultCertificates(): readonly string[] {
  if (defaults) return defaults;
  const withExtra = (tls as { getCACertificates?: (type: 'default') => string[] })
    .getCACertificates;
  if (withExtra) return (defaults = withExtra('default'));
  const extra: string[] = [];
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  if (extraFile) {
    try {
      extra.push(readFileSync(extraFile, 'utf8'));
    } catch {
      // Node itself warns about an unreadable NODE_EXTRA_CA_CERTS at start-up.
    }
  }
  return (defaults = [...tls.rootCertificates, ...extra]);
}

/** The `ca` option for sockets to AWS: the defaults plus the bundle's certificates. */
export function trustedCertificates(bundle: readonly string[]): string[] {
  return [...defaultCertificates(), ...bundle];
}
