import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// Electron's fuses are flipped in the binary by electron-builder at packaging time, from
// electron-builder.yml's `electronFuses`. `satisfies` makes tsc reject a key electron-builder's
// types do not know; the schema test below does the same for the YAML file itself.
const expectedFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} satisfies NonNullable<Configuration['electronFuses']>;

/** Options in electron-builder's FuseOptionsV1 that are not fuses. */
const notFuses = new Set(['resetAdHocDarwinSignature']);

const config = load(
  readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
) as Configuration;

/** The FuseOptionsV1 definition of the JSON schema electron-builder validates its config with. */
function fuseSchema(): {
  properties: Record<string, { type: string }>;
  additionalProperties: boolean;
} {
  const fromProject = createRequire(import.meta.url);
  const fromBuilder = createRequire(fromProject.resolve('electron-builder/package.json'));
  const schemePath = fromBuilder.resolve('app-builder-lib/scheme.json');
  const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as {
    properties: { electronFuses: { anyOf: Array<{ $ref?: string }> } };
    definitions: Record<string, ReturnType<typeof fuseSchema>>;
  };
  const ref = scheme.properties.electronFuses.anyOf.find((option) => option.$ref)?.$ref;
  return scheme.definitions[ref!.replace('#/definitions/', '')]!;
}

describe('packaging: Electron fuses', () => {
  it('electron-builder.yml sets every fuse to the hardened value', () => {
    expect(config.electronFuses).toEqual(expectedFuses);
  });

  it('uses only fuse names electron-builder’s own schema knows, and sets every one of them', () => {
    const schema = fuseSchema();
    expect(schema.additionalProperties).toBe(false);
    const known = Object.keys(schema.properties);
    const set = Object.keys(config.electronFuses ?? {});
    expect(set.filter((name) => !known.includes(name))).toEqual([]);
    // A fuse added by a newer electron-builder needs a decision here, not a silent default.
    expect(known.filter((name) => !notFuses.has(name) && !set.includes(name))).toEqual([]);
    for (const name of set) expect(schema.properties[name]?.type).toBe('boolean');
  });

  it('keeps the app in an asar archive, which onlyLoadAppFromAsar and the integrity check need', () => {
    expect(config.asar ?? true).toBe(true);
  });
});
