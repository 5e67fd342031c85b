/**
 * The verification URL comes from the network: open it only when it is Identity Center's own
 * device page (https on amazonaws.com / awsapps.com) or the local sandbox's page on loopback.
 */
export function isVerificationUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') {
    return (
      parsed.hostname.endsWith('.amazonaws.com') ||
      parsed.hostname.endsWith('.amazonaws.com.cn') ||
      parsed.hostname.endsWith('.awsapps.com')
    );
  }
  return (
    parsed.protocol === 'http:' &&
    (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost') &&
    parsed.pathname === '/sso/device'
  );
}
