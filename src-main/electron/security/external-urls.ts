/** Hosts Keyward may open in the user's browser: AWS documentation and consoles only. */
const allowedHosts = [
  /^docs\.aws\.amazon\.com$/,
  /^([a-z0-9-]+\.)?console\.aws\.amazon\.com$/,
  /^aws\.amazon\.com$/,
];

export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return allowedHosts.some((pattern) => pattern.test(url.hostname));
}
