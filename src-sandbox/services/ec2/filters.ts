import { createHash } from 'node:crypto';
import { ownMember } from '../../protocols/own-member';
import { ec2Error } from './common';
import type { Ec2Tag } from './model';

/** What one filter name reads from a resource: a value, several, or nothing. */
export type FilterValue = string | number | boolean | undefined | readonly (string | undefined)[];

export type FilterFields<T> = Readonly<Record<string, (item: T) => FilterValue>>;

export interface FilterInput {
  readonly Name: string;
  readonly Value?: readonly string[] | undefined;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
}

function valuesOf(v: FilterValue): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.filter((x): x is string => x !== undefined);
  return [String(v)];
}

/** Tag filters every taggable resource answers: `tag:<key>`, `tag-key`, `tag-value`. */
function tagValues(name: string, tags: readonly Ec2Tag[]): string[] | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return tags.filter((t) => t.key === key).map((t) => t.value);
  }
  if (name === 'tag-key') return tags.map((t) => t.key);
  if (name === 'tag-value') return tags.map((t) => t.value);
  return undefined;
}

/**
 * Applies EC2 filters: values within one filter are ORed, filters are ANDed, `*` and `?` are
 * wildcards (reference §3.3). An unknown filter name → `InvalidParameterValue`.
 */
export function applyFilters<T>(
  items: readonly T[],
  filters: readonly FilterInput[] | undefined,
  fields: FilterFields<T>,
  tagsOf?: (item: T) => readonly Ec2Tag[],
): T[] {
  if (!filters || filters.length === 0) return [...items];
  const compiled = filters.map((f) => {
    const isTag = tagsOf !== undefined && (f.Name.startsWith('tag:') || f.Name.startsWith('tag-'));
    const field = ownMember(fields, f.Name);
    if (!isTag && !field) {
      throw ec2Error('InvalidParameterValue', `The filter '${f.Name}' is invalid`);
    }
    const patterns = (f.Value ?? []).map(wildcard);
    const read = (item: T): string[] =>
      isTag && tagsOf ? (tagValues(f.Name, tagsOf(item)) ?? []) : valuesOf(field?.(item));
    return { patterns, read };
  });
  return items.filter((item) =>
    compiled.every(({ patterns, read }) => {
      const actual = read(item);
      return patterns.some((p) => actual.some((a) => p.test(a)));
    }),
  );
}

interface TokenBody {
  readonly o: number;
  readonly h: string;
}

/**
 * `MaxResults`/`NextToken` paging (reference §3.8). Without MaxResults everything is returned.
 * The token carries the offset and a hash of the other parameters; a token reused with
 * different parameters → `InvalidPaginationToken` (code UNCONFIRMED).
 */
export function paginate<T>(
  items: readonly T[],
  params: { readonly MaxResults?: number | undefined; readonly NextToken?: string | undefined },
  range: { readonly min: number; readonly max: number },
  queryKey: unknown,
): { readonly page: T[]; readonly nextToken?: string } {
  const hash = createHash('sha256').update(JSON.stringify(queryKey)).digest('base64url');
  let offset = 0;
  if (params.NextToken !== undefined) {
    let body: Partial<TokenBody> = {};
    try {
      const parsed: unknown = JSON.parse(Buffer.from(params.NextToken, 'base64url').toString());
      if (parsed !== null && typeof parsed === 'object') body = parsed as Partial<TokenBody>;
    } catch {
      // not a token of ours
    }
    if (typeof body.o !== 'number' || body.h !== hash) {
      throw ec2Error(
        'InvalidPaginationToken',
        `The pagination token '${params.NextToken}' is invalid.`,
      );
    }
    offset = body.o;
  }
  if (params.MaxResults === undefined && params.NextToken === undefined)
    return { page: [...items] };
  const max = params.MaxResults ?? range.max;
  if (max < range.min) {
    throw ec2Error(
      'InvalidParameterValue',
      `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value greater than ${range.min}.`,
    );
  }
  const size = Math.min(max, range.max);
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  if (next >= items.length) return { page };
  const token = Buffer.from(JSON.stringify({ o: next, h: hash } satisfies TokenBody)).toString(
    'base64url',
  );
  return { page, nextToken: token };
}

/** `MaxResults` together with explicit ids → `InvalidParameterCombination`. */
export function refuseMaxResultsWithIds(
  ids: readonly string[] | undefined,
  maxResults: number | undefined,
  idsName: string,
): void {
  if (ids && ids.length > 0 && maxResults !== undefined) {
    throw ec2Error(
      'InvalidParameterCombination',
      `The parameter ${idsName} cannot be used with the parameter maxResults`,
    );
  }
}
