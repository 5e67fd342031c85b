import type { SerializedError } from '../../../../src-shared/errors';

/** Codes that say the check never reached AWS: nothing is known yet about the keys or role. */
const unreached: ReadonlySet<SerializedError['code']> = new Set(['network', 'network-unreachable']);

/**
 * What the footer of a checked save says under the error: the form's own advice ("Fix the
 * keys…") when AWS answered, the network's when it could not be reached — the keys are not the
 * problem then.
 */
export function notSavedMessageFor(error: SerializedError, formMessage: string): string {
  if (!unreached.has(error.code)) return formMessage;
  return 'Nothing was saved: Keyward could not reach AWS to check who this is. Check the network, the VPN and the proxy (Settings › Network), then try again — or save anyway, marked as failed.';
}
