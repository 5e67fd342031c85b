import { getProxyForUrl } from 'proxy-from-env';
import { KeywardError } from '../../../src-shared/errors';

/** Every AWS endpoint is HTTPS, so these are the variables that choose a proxy (curl's order). */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'] as const;
const NO_PROXY_VARIABLES = ['no_proxy', 'NO_PROXY'] as const;

export interface ProxyInEffect {
  readonly url: URL;
  /** The environment variable it came from, e.g. `HTTPS_PROXY`. */
  readonly variable: string;
}

function firstSet(names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = process.env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/** The proxy HTTPS requests go through, from the environment (as the AWS CLI and curl read it). */
export function proxyInEffect(): ProxyInEffect | undefined {
  const found = firstSet(PROXY_VARIABLES);
  if (!found) return undefined;
  // A proxy without a scheme is an HTTP proxy, as curl reads it.
  const text = found.value.includes('://') ? found.value : `http://${found.value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new KeywardError('network', `${found.name} is not a URL: “${maskedText(found.value)}”.`, {
      hint: `Set ${found.name} to http://host:port (or http://user:password@host:port).`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KeywardError(
      'network',
      `${found.name} names a ${url.protocol.replace(':', '')} proxy; Keyward tunnels only through HTTP(S) proxies.`,
      { hint: `Point ${found.name} at an HTTP proxy (http://host:port).` },
    );
  }
  return { url, variable: found.name };
}

/** NO_PROXY as set, for display. */
export function noProxyInEffect():
  { readonly value: string; readonly variable: string } | undefined {
  const found = firstSet(NO_PROXY_VARIABLES);
  return found ? { value: found.value, variable: found.name } : undefined;
}

/** True when NO_PROXY says requests to host:port go straight out (proxy-from-env's matching). */
export function bypassesProxy(host: string, port: number): boolean {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return getProxyForUrl(`https://${bracketed}:${port}`) === '';
}

/** `host:port` of a proxy, for messages. */
export function proxyAddress(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** The proxy URL with its password replaced, safe to show and log. */
export function maskProxyUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '****';
  return copy.href.replace(/\/$/, '');
}

function maskedText(value: string): string {
  return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:****@');
}
