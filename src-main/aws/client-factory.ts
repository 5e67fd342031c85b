import type { Logger } from '../log/logger';
import { installAccessMiddleware } from './access-middleware';
import { createCallLog, type CallLog } from './call-log';
import { anonymousClientConfig, clientConfig, type AwsPlace } from './client-config';
import type { NetworkSettings } from './network/network-settings';
import type { AwsPrincipal } from './principal';
import { createRequestScheduler, type RequestScheduler } from './scheduler/request-scheduler';

/** What every SDK v3 client has that the factory uses. */
interface SdkClient {
  readonly middlewareStack: unknown;
  readonly config: { readonly serviceId: string };
  destroy(): void;
}

type ProfileClientConfig = ReturnType<typeof clientConfig>;
type AnonymousClientConfig = ReturnType<typeof anonymousClientConfig>;

export interface ClientOptions {
  /** Attempts per call, retries included (default 4; 1 where the caller polls or fails fast). */
  readonly maxAttempts?: number;
}

export interface ClientFactoryOptions {
  /** Settings → Network, read whenever a client is handed out (a change makes new clients). */
  readonly network: () => Promise<NetworkSettings>;
  readonly logger: Logger;
  readonly scheduler?: RequestScheduler;
  readonly calls?: CallLog;
  /** Attempts per call unless the caller says otherwise (tests set 1 to see every throttle). */
  readonly maxAttempts?: number;
  /** Clients kept; the least recently used one goes first. */
  readonly maxClients?: number;
}

export interface ClientFactory {
  /** The client of `Service` for `principal` in `region`, made once and kept. */
  client<C extends SdkClient>(
    Service: new (config: ProfileClientConfig) => C,
    principal: AwsPrincipal,
    region: string,
    options?: ClientOptions,
  ): Promise<C>;
  /** A client for APIs that sign nothing: IAM Identity Center's OIDC and portal. */
  anonymousClient<C extends SdkClient>(
    Service: new (config: AnonymousClientConfig) => C,
    place: AwsPlace,
    options?: ClientOptions,
  ): Promise<C>;
  readonly calls: CallLog;
  readonly scheduler: RequestScheduler;
  /** Closes every kept client's connections (on quit). */
  close(): void;
}

const RETIRE_AFTER_MS = 5 * 60_000;

const serviceName = (client: SdkClient) => client.config.serviceId.toLowerCase().replace(/ /g, '-');

/**
 * The one place the main process gets AWS clients (design.md §5): per (profile, region,
 * service), each with the call log and the request scheduler in its middleware, credentials
 * from the principal (the profile's credential resolver), endpoint and network from the
 * principal's target and Settings → Network.
 */
export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const calls = options.calls ?? createCallLog(options.logger);
  const scheduler = options.scheduler ?? createRequestScheduler();
  const maxClients = options.maxClients ?? 200;
  const kept = new Map<string, { readonly fingerprint: string; readonly client: SdkClient }>();
  const retiring = new Set<SdkClient>();

  /** A client no longer handed out may still be answering calls: closed a while later. */
  function retire(client: SdkClient): void {
    retiring.add(client);
    setTimeout(() => {
      retiring.delete(client);
      client.destroy();
    }, RETIRE_AFTER_MS).unref();
  }

  /** Hands out the kept client for `slot` while `fingerprint` holds, else a new one. */
  function keep<C extends SdkClient>(slot: string, fingerprint: string, make: () => C): C {
    const found = kept.get(slot);
    kept.delete(slot);
    if (found && found.fingerprint === fingerprint) {
      kept.set(slot, found);
      return found.client as C;
    }
    if (found) retire(found.client);
    const client = make();
    kept.set(slot, { fingerprint, client });
    for (const [oldest, { client: old }] of kept) {
      if (kept.size <= maxClients) break;
      kept.delete(oldest);
      retire(old);
    }
    return client;
  }

  const attempts = (given: ClientOptions | undefined) =>
    given?.maxAttempts ?? options.maxAttempts ?? 4;

  return {
    async client(Service, principal, region, given) {
      const network = await options.network();
      const maxAttempts = attempts(given);
      const { target } = principal;
      const fingerprint = JSON.stringify([
        principal.revision,
        principal.accountId,
        target.endpoint,
        target.awsEndpoint,
        target.configProfile,
        network,
      ]);
      return keep(`${principal.id}|${region}|${Service.name}|${maxAttempts}`, fingerprint, () => {
        const client = new Service(clientConfig(target, region, network, maxAttempts));
        installAccessMiddleware(
          client,
          { service: serviceName(client), region, principal },
          { log: calls, scheduler },
        );
        return client;
      });
    },

    async anonymousClient(Service, place, given) {
      const network = await options.network();
      const maxAttempts = attempts(given);
      const slot = `anonymous|${place.region}|${place.endpoint ?? 'aws'}|${Service.name}|${maxAttempts}`;
      return keep(slot, JSON.stringify(network), () => {
        const client = new Service(anonymousClientConfig(place, network, maxAttempts));
        installAccessMiddleware(
          client,
          { service: serviceName(client), region: place.region, principal: undefined },
          { log: calls, scheduler },
        );
        return client;
      });
    },

    calls,
    scheduler,

    close() {
      for (const client of [...[...kept.values()].map((k) => k.client), ...retiring]) {
        client.destroy();
      }
      kept.clear();
      retiring.clear();
    },
  };
}
