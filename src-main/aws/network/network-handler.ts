import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { tlsFailureFrom } from './network-failure';
import { caBundleInEffect, networkSettings } from './network-settings';
import { bypassesProxy, proxyInEffect } from './proxy-env';
import { ProxyTunnelAgent } from './proxy-tunnel-agent';
import { trustedCertificates } from './trust-store';

type Request = Parameters<NodeHttpHandler['handle']>[0];

const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * The request handler of every real-AWS client: Node's https through the proxy in effect (unless
 * NO_PROXY matches), trusting the CA bundle in effect on top of the defaults. The agent is built
 * at the first request, so a bad CA bundle or proxy variable fails that request with a message
 * naming it. Failures of TLS are turned into TlsFailure (with the host) for the error mapper.
 */
export class NetworkHttpHandler extends NodeHttpHandler {
  constructor() {
    super(async () => {
      const proxyUrl = proxyInEffect(); // throws a clear error for a malformed variable
      const bundle = await caBundleInEffect(networkSettings());
      const ca = bundle ? trustedCertificates(bundle.certificates) : undefined;
      const httpsAgent = proxyUrl
        ? new ProxyTunnelAgent(proxyUrl.url, ca)
        : new HttpsAgent({ keepAlive: true, ...(ca ? { ca } : {}) });
      // ProxyTunnelAgent is an http.Agent subclass that speaks https (agent-base).
      return { httpsAgent: httpsAgent as HttpsAgent, connectionTimeout: CONNECTION_TIMEOUT_MS };
    });
  }

  override async handle(request: Request, options?: HttpHandlerOptions) {
    try {
      return await super.handle(request, options);
    } catch (error) {
      const viaProxy =
        safeProxy() !== undefined && !bypassesProxy(request.hostname, request.port ?? 443);
      throw tlsFailureFrom(error, request.hostname, viaProxy) ?? error;
    }
  }
}

function safeProxy() {
  try {
    return proxyInEffect();
  } catch {
    return undefined;
  }
}
