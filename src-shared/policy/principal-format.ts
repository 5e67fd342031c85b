// What a principal entry in a resource or trust policy may look like (IAM rejects anything
// else with `Invalid principal in policy`). Wildcards are allowed only as `"*"` alone.

const ACCOUNT_ID = /^\d{12}$/;
const PARTITION = 'arn:aws(?:-[a-z]+)*';
const IAM_ARN = new RegExp(`^${PARTITION}:iam::\\d{12}:(?:root|user/[^*?]+|role/[^*?]+)$`);
const STS_ARN = new RegExp(
  `^${PARTITION}:sts::\\d{12}:(?:assumed-role/[^/*?]+/[^/*?]+|federated-user/[^/*?]+)$`,
);
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/;

export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text);
}

/** Bare account ids name the account root: `111122223333` → `arn:aws:iam::111122223333:root`. */
export function normaliseAwsPrincipal(entry: string): string {
  return isAccountId(entry) ? `arn:aws:iam::${entry}:root` : entry;
}

export function isValidAwsPrincipal(entry: string): boolean {
  return entry === '*' || isAccountId(entry) || IAM_ARN.test(entry) || STS_ARN.test(entry);
}

export function isValidServicePrincipal(entry: string): boolean {
  return entry === '*' || SERVICE.test(entry);
}
