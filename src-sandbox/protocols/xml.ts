const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** ISO-8601 without milliseconds for query protocols: `2024-01-15T10:30:00Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface XmlStyle {
  /** Element that wraps each list entry: `member` (awsQuery) or `item` (ec2Query). */
  readonly listItem: 'member' | 'item';
  readonly formatDate: (d: Date) => string;
}

/** Writes a plain object as XML elements: arrays as list wrappers, Dates per style, nullish omitted. */
export function toXml(value: unknown, style: XmlStyle): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return escapeXml(style.formatDate(value));
  if (Array.isArray(value)) {
    return value.map((v) => `<${style.listItem}>${toXml(v, style)}</${style.listItem}>`).join('');
  }
  if (typeof value === 'object') {
    let out = '';
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || child === null) continue;
      out += `<${key}>${toXml(child, style)}</${key}>`;
    }
    return out;
  }
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return '';
}
