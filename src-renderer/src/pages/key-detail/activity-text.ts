import type { KeyActivity } from '../../../../src-shared/models/key-activity';

/** "just now", "12 minutes ago", "2 hours ago", "5 days ago". */
export function timeAgo(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.round(hours / 24), 'day');
}

/** `role/app-server` for a role or its sessions, `user/alice`, `root`; a service stays as is. */
export function shortCaller(caller: string): string {
  const session = /^arn:[^:]+:sts::\d{12}:assumed-role\/([^/]+)\//.exec(caller);
  if (session) return `role/${session[1]}`;
  const iam = /^arn:[^:]+:iam::\d{12}:(root|(?:user|role)\/(?:.*\/)?[^/]+)$/.exec(caller);
  if (!iam?.[1]) return caller;
  return iam[1].replace(/^(user|role)\/(?:.*\/)?([^/]+)$/, '$1/$2');
}

/** A count, said as a lower bound when the lookup stopped at its page cap: "at least 500 calls". */
export const countOf = (n: number, capped: boolean, one: string, many: string) =>
  `${capped ? 'at least ' : ''}${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Used 37 times in the last 90 days, last 2 hours ago by role/app-server (Decrypt)." */
export function recentUseSentence(activity: KeyActivity, now = Date.now()): string {
  const { count, cryptographicCount: used, capped, days, last } = activity;
  const others = count - used;
  const rest =
    others > 0
      ? ` Plus ${countOf(others, capped, 'other call', 'other calls')} on the key (reads and changes).`
      : '';
  if (used === 0)
    return `No cryptographic use recorded by CloudTrail in the last ${days} days.${rest}`;
  const lead = `Used ${countOf(used, capped, 'time', 'times')} in the last ${days} days`;
  if (!last) return `${lead}.${rest}`;
  const by = last.caller ? ` by ${shortCaller(last.caller)}` : '';
  return `${lead}, last ${timeAgo(last.time, now)}${by} (${last.eventName}).${rest}`;
}
