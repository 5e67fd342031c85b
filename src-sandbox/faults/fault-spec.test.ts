import { describe, expect, it } from 'vitest';
import { FaultController, formatFaultSpec, parseFaultSpec } from './fault-spec';

describe('fault spec', () => {
  it('parses the documented form', () => {
    const c = parseFaultSpec('throttle=0.2,latency=50ms,error5xx=0.05,reset=0.01,op=CopySnapshot');
    expect(c).toEqual({
      throttle: 0.2,
      latencyMs: 50,
      error5xx: 0.05,
      reset: 0.01,
      operations: ['CopySnapshot'],
      services: [],
      regions: [],
    });
    expect(parseFaultSpec(formatFaultSpec(c))).toEqual(c);
    expect(parseFaultSpec('latency=1.5s').latencyMs).toBe(1500);
    expect(parseFaultSpec('')).toMatchObject({ throttle: 0, latencyMs: 0 });
  });

  it('rejects bad parts with a clear message', () => {
    expect(() => parseFaultSpec('throttle=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaultSpec('explode=1')).toThrow(/unknown fault 'explode'/);
    expect(() => parseFaultSpec('latency=fast')).toThrow(/duration/);
  });

  it('applies faults only to the named operations', () => {
    const faults = new FaultController(parseFaultSpec('throttle=1,op=CopySnapshot'), () => 0);
    expect(faults.decide('ec2', 'CopySnapshot').action).toBe('throttle');
    expect(faults.decide('ec2', 'DescribeSnapshots').action).toBeUndefined();
  });

  it('applies faults only to calls signed for the named Regions', () => {
    const faults = new FaultController(parseFaultSpec('throttle=1,region=us-east-1'), () => 0);
    expect(faults.decide('kms', 'DescribeKey', 'us-east-1').action).toBe('throttle');
    expect(faults.decide('kms', 'DescribeKey', 'eu-west-1').action).toBeUndefined();
    expect(faults.decide('sso', 'GetRoleCredentials').action).toBeUndefined();
    expect(formatFaultSpec(parseFaultSpec('region=us-east-1+eu-west-1'))).toBe(
      'region=us-east-1,region=eu-west-1',
    );
  });
});
