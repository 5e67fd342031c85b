import type { KMSClient } from '@aws-sdk/client-kms';

/**
 * The same client (paginators accept it: its prototype is KMSClient's), counting the requests
 * one inventory makes for its result.
 */
export function countingClient(kms: KMSClient, counter: { calls: number }): KMSClient {
  return new Proxy(kms, {
    get(target, property, receiver) {
      if (property === 'send') {
        return (...args: Parameters<KMSClient['send']>) => {
          counter.calls += 1;
          return target.send(...args);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
