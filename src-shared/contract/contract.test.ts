import { describe, expect, expectTypeOf, it } from 'vitest';
import { serializedErrorSchema } from '../error-schema';
import { KeywardError, fieldErrorsFromIssues } from '../errors';
import { CALL_NAME_SHAPE, EVENT_TOPIC_SHAPE, callChannel } from './channel-names';
import { contract, eventTopics, operationEventSchema, type OperationPartial } from './index';
import type { InventoryPartial } from './keys';

describe('contract', () => {
  it('names every call <area>.<verb> (the shape the preload lets through) and gives it a summary', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(name).toMatch(CALL_NAME_SHAPE);
      expect(callChannel(name)).toBe(`keyward:${name}`);
      expect(def.summary.length).toBeGreaterThan(10);
    }
    for (const topic of Object.keys(eventTopics)) expect(topic).toMatch(EVENT_TOPIC_SHAPE);
  });

  it('accepts a good settings patch and rejects bad ones with the field named', () => {
    const schema = contract['settings.set'].input;
    expect(schema.safeParse({ theme: 'dark', defaultRegions: ['eu-west-1'] }).success).toBe(true);
    const cases: [unknown, string][] = [
      [{ theme: 'purple' }, 'theme'],
      [{ defaultRegions: [] }, 'defaultRegions'],
      [{ defaultRegions: ['us-east-1', 'nowhere'] }, 'defaultRegions.1'],
      [{ defaultRegions: ['us-east-1', 'us-east-1'] }, 'defaultRegions'],
      [{ confirmBeforeDestructive: 'yes' }, 'confirmBeforeDestructive'],
      [{ activeRegion: 'US-EAST-1' }, 'activeRegion'],
    ];
    for (const [input, field] of cases) {
      const parsed = schema.safeParse(input);
      expect(parsed.success, JSON.stringify(input)).toBe(false);
      if (!parsed.success)
        expect(Object.keys(fieldErrorsFromIssues(parsed.error.issues))).toContain(field);
    }
  });

  it('refuses unknown fields instead of ignoring them', () => {
    const parsed = contract['settings.set'].input.safeParse({
      theme: 'dark',
      secretAccessKey: 'x',
    });
    expect(parsed.success).toBe(false);
    expect(contract['app.info'].input.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('accepts new region codes AWS may add, but not garbage', () => {
    const schema = contract['settings.set'].input;
    expect(schema.safeParse({ activeRegion: 'mx-central-1' }).success).toBe(true);
    expect(schema.safeParse({ activeRegion: 'us-gov-west-1' }).success).toBe(true);
    expect(schema.safeParse({ activeRegion: 'us-east-1; rm -rf' }).success).toBe(false);
  });

  it('validates operation events as a closed union', () => {
    const progress = {
      operationId: 'a',
      name: 'diagnostics.run',
      type: 'progress',
      step: 0,
      stepCount: 3,
      title: 'x',
    };
    expect(operationEventSchema.safeParse(progress).success).toBe(true);
    expect(operationEventSchema.safeParse({ ...progress, value: 2 }).success).toBe(false);
    expect(operationEventSchema.safeParse({ ...progress, type: 'paused' }).success).toBe(false);
  });
});

describe('error envelope', () => {
  it('round-trips a KeywardError through its serialized form', () => {
    const error = new KeywardError('throttled', 'Slow down', {
      hint: 'Retry in a minute',
      aws: { code: 'ThrottlingException', requestId: 'r-1', service: 'kms', operation: 'ListKeys' },
    });
    const wire = JSON.parse(JSON.stringify(error)) as unknown;
    const parsed = serializedErrorSchema.parse(wire);
    expect(parsed).toEqual({
      code: 'throttled',
      message: 'Slow down',
      hint: 'Retry in a minute',
      retryable: true,
      aws: { code: 'ThrottlingException', requestId: 'r-1', service: 'kms', operation: 'ListKeys' },
    });
    const back = KeywardError.from(parsed);
    expect(back.code).toBe('throttled');
    expect(back.aws?.requestId).toBe('r-1');
  });

  it('marks only transient codes retryable by default', () => {
    expect(new KeywardError('network', 'x').retryable).toBe(true);
    expect(new KeywardError('access-denied', 'x').retryable).toBe(false);
  });

  it('refuses codes outside the closed list', () => {
    expect(
      serializedErrorSchema.safeParse({ code: 'oops', message: 'x', retryable: false }).success,
    ).toBe(false);
  });
});

describe('operation partials', () => {
  it('keep the type of the partial schema an operation declares, and unknown where none', () => {
    expectTypeOf<OperationPartial<'keys.inventory'>>().toEqualTypeOf<InventoryPartial>();
    expectTypeOf<OperationPartial<'diagnostics.run'>>().toBeUnknown();
    expect(contract['keys.inventory'].partial).toBeDefined();
  });
});
