import { operationFromTarget } from '../protocols/json-1-1';
import { parseForm } from '../protocols/query-params';
import type { RawRequest } from '../protocols/types';
import { ownMember } from '../protocols/own-member';
import type { Operation, ServiceDefinition } from './types';

/** The operation a request names (`constructor` is none). */
export function operationOf(service: ServiceDefinition, name: string): Operation | undefined {
  return ownMember(service.operations, name);
}

/** Finds the service a request is for: by SigV4 scope, else by target prefix or API version. */
export class ServiceRegistry {
  private readonly byScope = new Map<string, ServiceDefinition>();

  constructor(readonly services: readonly ServiceDefinition[]) {
    for (const s of services) this.byScope.set(s.name, s);
  }

  byName(name: string): ServiceDefinition | undefined {
    return this.byScope.get(name);
  }

  /** For requests without a usable signature (so that the error speaks the right protocol). */
  guess(request: RawRequest): ServiceDefinition | undefined {
    const target = request.headers['x-amz-target'];
    if (target !== undefined) {
      return this.services.find((s) => operationFromTarget(target, s.wire) !== undefined);
    }
    const version = parseForm(request.body, request.query).get('Version');
    return this.services.find(
      (s) => s.wire.protocol !== 'awsJson1_1' && s.wire.apiVersion === version,
    );
  }
}
