import type { ClientRequest } from 'node:http';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { ProxyFailure } from './network-failure';
import { bypassesProxy, proxyAddress } from './proxy-env';

type ConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];
/** What https-proxy-agent emits as `proxyConnect`: the proxy's answer to CONNECT. */
interface ConnectAnswer {
  readonly statusCode: number;
  readonly statusText?: string;
}

/**
 * An https agent that tunnels through an HTTP(S) proxy with CONNECT unless NO_PROXY names the
 * host; the TLS session inside the tunnel is with AWS itself, checked against `ca`. A proxy
 * that refuses (connection refused, 407, any non-200 CONNECT answer) becomes a ProxyFailure
 * instead of a fake HTTP response.
 */
export class ProxyTunnelAgent extends HttpsProxyAgent<string> {
  private readonly ca: readonly string[] | undefined;

  constructor(proxy: URL, ca: readonly string[] | undefined) {
    super(proxy.href, { keepAlive: true, ...(ca ? { ca: [...ca] } : {}) });
    this.ca = ca;
  }

  override async connect(req: ClientRequest, opts: ConnectOpts) {
    const host = opts.host ?? '';
    const port = Number(opts.port ?? 443);
    const withCa = this.ca ? { ...opts, ca: [...this.ca] } : opts;
    if (bypassesProxy(host, port)) {
      return tls.connect({ ...withCa, host, port, ...(isIP(host) ? {} : { servername: host }) });
    }
    const proxy = proxyAddress(this.proxy);
    const target = `${host}:${port}`;
    let answer: ConnectAnswer | undefined;
    const onConnect = (connect: ConnectAnswer) => (answer = connect);
    req.once('proxyConnect', onConnect);
    try {
      const socket = await super.connect(req, withCa);
      const status = answer?.statusCode;
      if (status !== undefined && status !== 200) {
        socket.destroy();
        throw new ProxyFailure(
          proxy,
          target,
          status,
          'ERR_PROXY_CONNECT',
          `CONNECT answered ${status} ${answer?.statusText ?? ''}`.trim(),
        );
      }
      return socket;
    } catch (error) {
      if (error instanceof ProxyFailure) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ProxyFailure(proxy, target, undefined, code, (error as Error).message);
    } finally {
      req.off('proxyConnect', onConnect);
    }
  }
}
