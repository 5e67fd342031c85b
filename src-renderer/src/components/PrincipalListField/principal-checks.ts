const IAM_ARN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:(root|user\/.+|role\/.+|assumed-role\/.+\/.+)$/;

/** Why `entry` is not an IAM principal ARN of this account, or undefined when it is. */
export function checkAccountPrincipal(entry: string, accountId: string): string | undefined {
  if (!IAM_ARN.test(entry)) return 'An IAM user or role ARN: arn:aws:iam::<account>:role/<name>';
  if (entry.split(':')[4] !== accountId)
    return `This list is for account ${accountId}; add other accounts below`;
  return undefined;
}

export function checkAccountId(entry: string, accountId: string): string | undefined {
  if (!/^\d{12}$/.test(entry)) return 'A 12-digit AWS account id';
  if (entry === accountId) return 'That is this key’s own account';
  return undefined;
}

export function checkServicePrincipal(entry: string): string | undefined {
  return /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(entry)
    ? undefined
    : 'A service principal such as logs.us-east-1.amazonaws.com';
}
