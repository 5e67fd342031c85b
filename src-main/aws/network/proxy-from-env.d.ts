// proxy-from-env 2.1.0 ships no types; this is the one function Keyward uses.
declare module 'proxy-from-env' {
  /**
   * The proxy URL for `url` from the *_PROXY variables of process.env, or '' when none is set or
   * NO_PROXY matches the URL's host (and port).
   */
  export function getProxyForUrl(url: string | URL): string;
}
