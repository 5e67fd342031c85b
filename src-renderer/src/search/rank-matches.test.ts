import { describe, expect, it } from 'vitest';
import { rankMatches } from './rank-matches';

const profiles = [
  { name: 'Sandbox · prod', account: '111111111111', kind: 'Sandbox' },
  { name: 'Sandbox · backup', account: '222222222222', kind: 'Sandbox' },
  { name: 'Sandbox · prod-developer', account: '111111111111', kind: 'Sandbox' },
  { name: 'backup-admin', account: '444444444444', kind: 'Access key' },
  { name: 'reporting', account: '555555555555', kind: 'SSO' },
];
const find = (query: string) =>
  rankMatches(profiles, query, (p) => ({ names: [p.name], also: [p.account, p.kind] })).map(
    (p) => p.name,
  );

describe('rankMatches', () => {
  it('keeps every item, in order, for a blank query', () => {
    expect(find('')).toEqual(profiles.map((p) => p.name));
    expect(find('   ')).toEqual(profiles.map((p) => p.name));
  });

  it('ranks a name that is the query first, then word starts, then the rest', () => {
    expect(find('backup')).toEqual(['Sandbox · backup', 'backup-admin']);
    expect(find('prod')).toEqual(['Sandbox · prod', 'Sandbox · prod-developer']);
    expect(find('dev')).toEqual(['Sandbox · prod-developer']);
    expect(find('ort')).toEqual(['reporting']);
  });

  it('finds by account id and kind, case-insensitively', () => {
    expect(find('2222')).toEqual(['Sandbox · backup']);
    expect(find('sso')).toEqual(['reporting']);
    expect(find('ACCESS KEY')).toEqual(['backup-admin']);
  });

  it('needs every word of the query', () => {
    expect(find('prod 1111')).toEqual(['Sandbox · prod', 'Sandbox · prod-developer']);
    expect(find('prod 2222')).toEqual([]);
  });

  it('finds a region by code or by name', () => {
    const regions = [
      { code: 'eu-west-2', name: 'Europe (London)' },
      { code: 'eu-west-1', name: 'Europe (Ireland)' },
    ];
    const region = (query: string) =>
      rankMatches(regions, query, (r) => ({ names: [r.code, r.name] })).map((r) => r.code);
    expect(region('eu-west-1')).toEqual(['eu-west-1']);
    expect(region('ireland')).toEqual(['eu-west-1']);
    expect(region('eu-west')).toEqual(['eu-west-2', 'eu-west-1']);
  });
});
