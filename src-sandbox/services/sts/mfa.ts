import type { Caller } from '../../identity/caller';
import { MFA_DEVICE } from '../../identity/model';
import { verifyTotp } from '../../identity/totp';
import { SandboxError } from '../../protocols/sandbox-error';
import { GLOBAL_REGION, type StoreReader } from '../../state/store-types';

const BAD_DEVICE =
  'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.';
const BAD_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';

/**
 * Checks `SerialNumber` + `TokenCode` against the caller's MFA device. Returns true when MFA was
 * supplied and valid, false when neither was supplied; throws AccessDenied otherwise.
 * A code may be reused within its 30-second window (AWS refuses reuse; the sandbox does not, so
 * tests can compute one code and use it twice).
 */
export function checkMfa(
  store: StoreReader,
  caller: Caller,
  serialNumber: string | undefined,
  tokenCode: string | undefined,
  now: Date,
): boolean {
  if (serialNumber === undefined && tokenCode === undefined) return false;
  if (serialNumber === undefined || tokenCode === undefined) {
    throw new SandboxError('AccessDenied', BAD_DEVICE, 403);
  }
  const scope = { account: caller.account, region: GLOBAL_REGION };
  const device = store.get(MFA_DEVICE, scope, serialNumber);
  const owner = caller.kind === 'root' ? 'root' : caller.userName;
  if (!device || caller.kind === 'assumed-role' || device.userName !== owner) {
    throw new SandboxError('AccessDenied', BAD_DEVICE, 403);
  }
  if (!verifyTotp(device.secretBase32, tokenCode, now)) {
    throw new SandboxError('AccessDenied', BAD_CODE, 403);
  }
  return true;
}
