/**
 * The page's CSP (style.md A.8). Mantine's style props need inline styles; nothing else is
 * relaxed. Shared by the index.html meta tag (checked by a test) and the browser-mode header.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
