/**
 * The page's CSP (style.md A.8). Mantine's style props need inline styles; nothing else is
 * relaxed. One policy for every way the page is loaded: the index.html meta tag (kept equal by
 * a test; a meta tag cannot carry frame-ancestors) and the header both hosts send with each
 * renderer file, browser mode's loopback server and Electron's app:// protocol.
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
