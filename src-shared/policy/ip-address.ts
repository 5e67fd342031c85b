// IPv4 addresses and CIDR blocks for IpAddress / NotIpAddress. A bare address means /32.
// IPv6 values never match (the sandbox listens on IPv4 loopback only).

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function ipInCidr(address: string, cidr: string): boolean {
  const ip = parseIpv4(address.trim());
  const [base = '', bitsText = '32'] = cidr.trim().split('/');
  const network = parseIpv4(base);
  if (ip === undefined || network === undefined || !/^\d{1,2}$/.test(bitsText)) return false;
  const bits = Number(bitsText);
  if (bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(network / size);
}
