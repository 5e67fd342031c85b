import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { tlsFailureFrom } from './network-failure';
import { caBundleInEffect, type NetworkSettings } from './network-settings';
import { bypassesProxy, proxyInEffect } from './proxy-env';
import { ProxyTunnelAgent } from './proxy-tunnel-agent';
import { trustedCertificates } from './trust-store';

type Request = Parameters<NodeHttpHandler['handle']>[0];

const CONNECTION_TIMEOUT_MS = 10_000;

/** The https agent for real AWS: the proxy in effect (if any), the CA bundle on top of the defaults. */
async function networkOptions(settings: NetworkSettings): Promise<NodeHttpHandlerOptions> {
  const proxy = proxyInEffect(); // throws a clear error for a malformed variable
  const bundle = await caBundleInEffect(settings);
  const ca = bundle ? trustedCertificates(bundle.certificates) : undefined;
  const httpsAgent = proxy
    ? new ProxyTunnelAgent(proxy.url, ca)
    : new HttpsAgent({ keepAlive: true, ...(ca ? { ca } : {}) });
  // ProxyTunnelAgent is an http.Agent subclass that speaks https (agent-base).
  return { httpsAgent: httpsAgent as HttpsAgent, connectionTimeout: CONNECTION_TIMEOUT_MS };
}

function safeProxy() {
  try {
    return proxyInEffect();
  } catch {
    return undefined;
  }
}

/**
 * The request handler of every real-AWS client: Node's https through the proxy in effect (unless
 * NO_PROXY matches), trusting the CA bundle in effect on top of the defaults. A bad CA bundle or
 * proxy variable fails each request with a message naming it. TLS failures become TlsFailure
 * (with the host) for the error mapper; proxy failures arrive as ProxyFailure from the agent.
 */
export class NetworkHttpHandler extends NodeHttpHandler {
  private readonly setup: Promise<NodeHttpHandlerOptions>;

  constructor(settings: NetworkSettings) {
    const setup = networkOptions(settings);
    // Handled here so an unused client cannot raise an unhandled rejection; handle() rethrows.
    setup.catch(() => undefined);
    super(() => setup.catch(() => ({})));
    this.setup = setup;
  }

  override async handle(request: Request, options?: HttpHandlerOptions) {
    await this.setup;
    try {
      return await super.handle(request, options);
    } catch (error) {
      const viaProxy =
        safeProxy() !== undefined && !bypassesProxy(request.hostname, request.port ?? 443);
      throw tlsFailureFrom(error, request.hostname, viaProxy) ?? error;
    }
  }
}
