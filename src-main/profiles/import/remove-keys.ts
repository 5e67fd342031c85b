/** The settings that hold a static or temporary key in a credentials file. */
export const KEY_SETTINGS: ReadonlySet<string> = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
]);

/**
 * The credentials file without the key lines of the named profiles. Everything else — comments,
 * blank lines, other settings and other profiles — stays byte for byte. Sections and comments
 * are recognised as the SDK's own parser does (`parseIni`): a `[name]` line starts a section,
 * `#` or `;` at the start or after a space starts a comment. A comment line takes the place of
 * the removed keys so the user sees where they went.
 */
export function removeKeyLines(text: string, names: ReadonlySet<string>, marker: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const output: string[] = [];
  let section: string | undefined;
  let marked = false;
  for (const line of text.split(/\r?\n/)) {
    const content = (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
    if (content.startsWith('[') && content.endsWith(']')) {
      section = content.slice(1, -1);
      marked = false;
      output.push(line);
      continue;
    }
    const equals = content.indexOf('=');
    const setting = equals > 0 ? content.slice(0, equals).trim() : '';
    if (section !== undefined && names.has(section) && KEY_SETTINGS.has(setting)) {
      if (!marked) output.push(marker);
      marked = true;
      continue;
    }
    output.push(line);
  }
  return output.join(eol);
}
