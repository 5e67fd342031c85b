import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostStatus, probeHost, type HostStatus, type ProbeResult } from './host-status';

/** A probe that answers from a script, one result per call, the last one repeating. */
function scripted(...results: ProbeResult[]) {
  return vi.fn(async (): Promise<ProbeResult> => results.shift() ?? 'ok');
}

let status: HostStatus | undefined;
const start = (probe: () => Promise<ProbeResult>, isActive?: () => boolean) => {
  status = createHostStatus({
    probe,
    confirmDelaysMs: [1000, 2000],
    pollMs: 5000,
    ...(isActive ? { isActive } : {}),
  });
  return status;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  status?.dispose();
  vi.useRealTimers();
});

describe('host status', () => {
  it('declares the host gone only after two more probes find nobody', async () => {
    const probe = scripted('unreachable', 'unreachable', 'unreachable');
    const host = start(probe);
    host.report('unreachable');
    expect(host.state()).toBe('running');
    await vi.advanceTimersByTimeAsync(999);
    expect(probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(host.state()).toBe('running');
    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(host.state()).toBe('gone');
  });

  it('keeps the page when the host answers again between the failure and the second probe', async () => {
    const probe = scripted('unreachable', 'ok');
    const host = start(probe);
    const changes = vi.fn();
    host.subscribe(changes);
    host.report('unreachable');
    await vi.advanceTimersByTimeAsync(3000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(host.state()).toBe('running');
    expect(changes).not.toHaveBeenCalled();
  });

  it('starts one confirmation for many failing requests', async () => {
    const probe = scripted('unreachable', 'unreachable');
    const host = start(probe);
    for (let i = 0; i < 5; i++) host.report('unreachable');
    await vi.advanceTimersByTimeAsync(1000);
    for (let i = 0; i < 5; i++) host.report('unreachable');
    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(host.state()).toBe('gone');
  });

  it('takes a refused token as a restart at once, and asks nothing more', async () => {
    const probe = scripted('ok');
    const host = start(probe);
    const changes = vi.fn();
    host.subscribe(changes);
    host.report('refused');
    expect(host.state()).toBe('restarted');
    expect(changes).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe).not.toHaveBeenCalled();
    host.check();
    host.report('unreachable');
    expect(host.state()).toBe('restarted');
  });

  it('notices by itself, while the tab is shown, that the host went away', async () => {
    let shown = false;
    const probe = scripted('ok', 'unreachable', 'unreachable', 'unreachable');
    const host = start(probe, () => shown);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(probe).not.toHaveBeenCalled(); // hidden: no polling
    shown = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(host.state()).toBe('running');
    await vi.advanceTimersByTimeAsync(5000); // poll: unreachable, then two confirming probes
    expect(host.state()).toBe('running');
    await vi.advanceTimersByTimeAsync(3000);
    expect(probe).toHaveBeenCalledTimes(4);
    expect(host.state()).toBe('gone');
  });

  it('turns gone into restarted when a new Keyward answers at this address', async () => {
    const probe = scripted('unreachable', 'unreachable', 'unreachable', 'refused');
    const host = start(probe);
    host.report('unreachable');
    await vi.advanceTimersByTimeAsync(3000);
    expect(host.state()).toBe('gone');
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.state()).toBe('gone');
    await vi.advanceTimersByTimeAsync(5000);
    expect(host.state()).toBe('restarted');
  });

  it('checks at once when asked (the tab is shown again)', async () => {
    const probe = scripted('refused');
    const host = start(probe);
    host.check();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.state()).toBe('restarted');
  });
});

describe('probing the host', () => {
  const answering = (status: number) => vi.fn(async () => new Response(null, { status }));

  it('sends the token to the ping path and reads the answer', async () => {
    const fetch = answering(204);
    expect(await probeHost('TOKEN', fetch)).toBe('ok');
    expect(fetch).toHaveBeenCalledWith('/api/ping', {
      headers: { 'X-Keyward-Token': 'TOKEN' },
      cache: 'no-store',
    });
    expect(await probeHost('TOKEN', answering(401))).toBe('refused');
    expect(await probeHost('TOKEN', answering(403))).toBe('refused');
    expect(await probeHost('TOKEN', answering(500))).toBe('ok');
  });

  it('calls a failed fetch unreachable', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await probeHost('TOKEN', fetch)).toBe('unreachable');
  });
});
