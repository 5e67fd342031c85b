/**
 * Who made a request, as the auth layer resolved it from the access key. Services receive it in
 * `ctx.caller`; `toPolicyPrincipal` turns it into the evaluator's `Principal`.
 */
export interface Caller {
  readonly kind: 'root' | 'user' | 'assumed-role';
  readonly account: string;
  /** Root: `arn:aws:iam::<acct>:root`; user: `…:user/<path><name>`; session: `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  readonly arn: string;
  /** GetCallerIdentity `UserId`: account id (root), `AIDA…` (user), `AROA…:<session>` (session). */
  readonly userId: string;
  readonly accessKeyId: string;
  /** IAM user name (kind `user`). */
  readonly userName?: string;
  /** The role behind an assumed-role session. */
  readonly role?: { readonly name: string; readonly arn: string; readonly id: string };
  readonly sessionName?: string;
  /** True for temporary (ASIA…) credentials. */
  readonly temporary: boolean;
  /** Temporary credentials issued with a valid MFA code. */
  readonly mfaAuthenticated: boolean;
  /** ISO time the temporary credentials were issued. */
  readonly sessionIssuedAt?: string;
  /** Inline session policy (AssumeRole `Policy`), JSON text. */
  readonly sessionPolicy?: string;
}

export function rootArn(account: string): string {
  return `arn:aws:iam::${account}:root`;
}
