// Principal lists as the visual editor edits them: bare account ids and root ARNs name the
// same principal, so both compare equal.
import { normaliseAwsPrincipal } from '../principal-format';

export function samePrincipal(a: string, b: string): boolean {
  return normaliseAwsPrincipal(a) === normaliseAwsPrincipal(b);
}

export function withPrincipal(list: readonly string[], principal: string): readonly string[] {
  return list.some((entry) => samePrincipal(entry, principal)) ? list : [...list, principal];
}

export function withoutPrincipal(list: readonly string[], principal: string): readonly string[] {
  return list.filter((entry) => !samePrincipal(entry, principal));
}

/** `arn:aws:iam::444455556666:root` or `444455556666` → `444455556666`. */
export function accountOfRoot(principal: string): string | undefined {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(normaliseAwsPrincipal(principal));
  return match?.[1];
}

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}
