import { describe, expect, it } from 'vitest';
import {
  jsonPointer,
  locateJsonPointer,
  rangeOfJsonPointer,
  rangeOfStatement,
  scanJson,
  type JsonNode,
} from './json-offsets';

function root(text: string): JsonNode {
  const result = scanJson(text);
  if (!result.ok) throw new Error(result.message);
  return result.root;
}

function textAt(text: string, pointer: string): string {
  const { from, to } = locateJsonPointer(root(text), pointer);
  return text.slice(from, to);
}

const POLICY = `{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Principal" : { "AWS" : [ "arn:aws:iam::111122223333:root", "123456789012" ] },
    "Action" : "kms:*",
    "a/b~c" : 1.5e3
  }, { "Effect": true, "Resource": null } ]
}`;

describe('scanJson / locateJsonPointer', () => {
  it('finds values by pointer with their exact offsets', () => {
    expect(textAt(POLICY, '/Statement/0/Action')).toBe('"kms:*"');
    expect(textAt(POLICY, '/Statement/0/Principal/AWS/1')).toBe('"123456789012"');
    expect(textAt(POLICY, '/Statement/1/Effect')).toBe('true');
    expect(textAt(POLICY, jsonPointer(['Statement', 0, 'a/b~c']))).toBe('1.5e3');
    expect(textAt(POLICY, '/Statement/1')).toBe('{ "Effect": true, "Resource": null }');
  });

  it('falls back to the deepest value that exists', () => {
    expect(textAt(POLICY, '/Statement/1/Condition/Bool')).toBe(
      '{ "Effect": true, "Resource": null }',
    );
    expect(textAt(POLICY, '')).toBe(POLICY);
  });

  it('finds a property name', () => {
    const { from, to } = locateJsonPointer(root(POLICY), '/Statement/0/Action', { key: true });
    expect(POLICY.slice(from, to)).toBe('"Action"');
  });

  it('maps a statement index or pointer straight from the text', () => {
    const second = rangeOfStatement(POLICY, 1);
    expect(second && POLICY.slice(second.from, second.to)).toBe(
      '{ "Effect": true, "Resource": null }',
    );
    expect(rangeOfStatement(POLICY, 2)).toBeUndefined();
    const single = '{"Statement": {"Effect": "Allow"}}';
    expect(rangeOfStatement(single, 0)).toEqual({ from: 14, to: 33 });
    expect(rangeOfJsonPointer(POLICY, '/Version')).toEqual({
      from: POLICY.indexOf('"2012'),
      to: POLICY.indexOf('"2012') + 12,
    });
    expect(rangeOfJsonPointer('{', '/Version')).toBeUndefined();
  });

  it('decodes escaped keys', () => {
    expect(textAt('{"\\u0041ction": "x"}', '/Action')).toBe('"x"');
  });

  it('agrees with JSON.parse on what is valid, and reports where it stops', () => {
    for (const bad of [
      '{',
      '{"a":1,}',
      '[1 2]',
      '{"a" 1}',
      "{'a':1}",
      '01',
      '{"a":1} x',
      '"\u0001"',
      '',
    ]) {
      expect(() => JSON.parse(bad) as unknown).toThrow();
      expect(scanJson(bad).ok).toBe(false);
    }
    const result = scanJson('{"a": 1,\n "b": }');
    expect(result).toMatchObject({ ok: false, offset: 15 });
  });

  it('refuses hostile nesting without overflowing the stack', () => {
    expect(scanJson('['.repeat(100_000))).toMatchObject({ ok: false });
  });
});
