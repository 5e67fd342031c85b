import type { HttpReply } from '../protocols/types';
import type { SsoRequestContext } from './context';
import { DEMO_SSO_USER } from './demo-directory';
import { SSO_SCOPE, SSO_USER } from './model';
import { clientName, decideDeviceAuthorization, findPendingByUserCode } from './oidc';

export const VERIFICATION_PATH = '/sso/device';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#16191f;margin:0}
main{max-width:32rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin-top:0}.code{font:700 1.6rem ui-monospace,monospace;letter-spacing:.1em}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:6px;border:1px solid #545b64;cursor:pointer;margin-right:.5rem}
.allow{background:#0b5c2e;color:#fff;border-color:#0b5c2e}.deny{background:#fff;color:#16191f}
.note{color:#414750;font-size:.9rem}label{display:block;margin:.5rem 0}input{font-size:1.2rem;padding:.3rem}`;

function html(status: number, title: string, body: string): HttpReply {
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
      // same-origin, not no-referrer: with no-referrer Chromium posts the form with `Origin: null`.
      'Referrer-Policy': 'same-origin',
    },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`,
  };
}

function who(ctx: Pick<SsoRequestContext, 'tx'>): string {
  const user = ctx.tx.get(SSO_USER, SSO_SCOPE, DEMO_SSO_USER.userName) ?? DEMO_SSO_USER;
  return `${escapeHtml(user.displayName)} (<span>${escapeHtml(user.userName)}</span>, ${escapeHtml(user.email)})`;
}

function enterCodeForm(ctx: Pick<SsoRequestContext, 'tx'>, problem?: string): string {
  return `<h1>Authorize request</h1>
<p>Signed in to the sandbox's IAM Identity Center as ${who(ctx)}.</p>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="get" action="${VERIFICATION_PATH}">
<label for="user_code">Code shown by the application</label>
<input id="user_code" name="user_code" autocomplete="off" required maxlength="20">
<button type="submit" class="allow">Next</button></form>`;
}

/** GET /sso/device[?user_code=…]: who is signed in, the code, and Allow / Deny. */
export function showVerificationPage(
  ctx: Pick<SsoRequestContext, 'tx' | 'now'>,
  userCode: string | null,
): HttpReply {
  if (!userCode) return html(200, 'Authorize request', enterCodeForm(ctx));
  const auth = findPendingByUserCode(ctx, userCode);
  if (!auth) {
    return html(
      404,
      'Authorize request',
      enterCodeForm(ctx, 'This code is not valid, was already used, or has expired.'),
    );
  }
  const app = escapeHtml(clientName(ctx, auth.clientId));
  const code = escapeHtml(auth.userCode);
  return html(
    200,
    'Allow access?',
    `<h1>Allow ${app} to access your data?</h1>
<p>Signed in to the sandbox's IAM Identity Center as ${who(ctx)}, at ${escapeHtml(auth.startUrl)}.</p>
<p>Check that the application shows this code:</p>
<p class="code" aria-label="Code">${code}</p>
<p class="note">Allowing lets ${app} list your AWS accounts and get credentials for your roles in them, as you.</p>
<form method="post" action="${VERIFICATION_PATH}">
<input type="hidden" name="user_code" value="${code}">
<button type="submit" name="decision" value="allow" class="allow">Allow access</button>
<button type="submit" name="decision" value="deny" class="deny">Deny access</button>
</form>`,
  );
}

/** POST /sso/device (form): records Allow or Deny; the user code is the proof of intent. */
export function submitVerification(
  ctx: Pick<SsoRequestContext, 'tx' | 'now'>,
  form: URLSearchParams,
): HttpReply {
  const userCode = form.get('user_code') ?? '';
  const decision = form.get('decision');
  if (decision !== 'allow' && decision !== 'deny') {
    return html(400, 'Authorize request', enterCodeForm(ctx, 'Choose Allow or Deny.'));
  }
  const decided = decideDeviceAuthorization(ctx, userCode, decision, DEMO_SSO_USER.userName);
  if (!decided) {
    return html(
      404,
      'Authorize request',
      enterCodeForm(ctx, 'This code is not valid, was already used, or has expired.'),
    );
  }
  return decision === 'allow'
    ? html(
        200,
        'Request approved',
        `<h1>Request approved</h1><p>${escapeHtml(clientName(ctx, decided.clientId))} can now access your accounts. You can close this window.</p>`,
      )
    : html(
        200,
        'Request denied',
        `<h1>Request denied</h1><p>${escapeHtml(clientName(ctx, decided.clientId))} was not given access. You can close this window.</p>`,
      );
}
