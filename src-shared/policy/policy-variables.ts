// Policy variables (`${aws:username}`, `${aws:PrincipalAccount}`, `${key, 'default'}`, and the
// escapes `${*}`, `${?}`, `${$}`) substituted into Resource and condition values. Variables are
// only recognised in documents with Version 2012-10-17; older documents treat `${...}` literally.
import type { ContextLookup } from './request-context';

const VARIABLE = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;
const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

export function variablesEnabled(version: string | undefined): boolean {
  return version === '2012-10-17';
}

/**
 * Returns the text with every variable replaced, or `undefined` when a variable names a key
 * that is absent (or multi-valued) and has no default: the policy value then matches nothing,
 * as in AWS. Note: `${*}` yields `*`, which the caller's wildcard matching still treats as a
 * wildcard (AWS treats it as a literal asterisk; no KMS/IAM name contains one).
 */
export function substituteVariables(text: string, context: ContextLookup): string | undefined {
  if (!text.includes('${')) return text;
  let unresolved = false;
  const result = text.replace(VARIABLE, (_whole, inner: string) => {
    const escape = ESCAPES[inner];
    if (escape !== undefined) return escape;
    const withDefault = WITH_DEFAULT.exec(inner);
    const key = (withDefault?.[1] ?? inner).trim();
    const values = context.get(key);
    if (values?.length === 1 && values[0] !== undefined) return values[0];
    if (withDefault?.[2] !== undefined) return withDefault[2];
    unresolved = true;
    return '';
  });
  return unresolved ? undefined : result;
}
