// Anything that looks like a credential is masked before it reaches a log line.
const patterns: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, // access key ids and unique ids
  /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, // secret access keys
  /\b(?:FwoG|IQoJ)[A-Za-z0-9/+=]{20,}/g, // session tokens
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_.-]{10,}/g, // JWTs, SSO OIDC client secrets
  /\bao[ar][A-Za-z0-9_+/=:-]{30,}/g, // IAM Identity Center access and refresh tokens
  // A labelled value in JSON, whole even when it holds spaces (a passphrase is often words).
  /(?<="\w*(?:secret|token|password|passphrase|secretAccessKey|sessionToken|accessToken|refreshToken)"\s*:\s*")(?:[^"\\]|\\.){6,}(?=")/gi,
  /(?<=["']?(?:secret|token|password|passphrase|secretAccessKey|sessionToken|accessToken|refreshToken)["']?\s*[:=]\s*["']?)[^\s"',}]{6,}/gi,
];

export function redact(text: string): string {
  return patterns.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}
