import { parseDurationMs, parseDynamicConfig } from './dynamic-config';

describe('--dynamic-config-value', () => {
  it('reads the retention of the default namespace and the sweep interval, as durations or milliseconds', () => {
    expect(parseDynamicConfig(['temporal-lite.namespaceRetention="72h"', 'temporal-lite.retentionSweepInterval=500'])).toEqual({
      defaultRetentionDays: 3,
      retentionSweepMs: 500,
    });
    expect(parseDurationMs('"2s"')).toBe(2_000);
    expect(parseDurationMs('1.5d')).toBe(129_600_000);
  });

  it('reads Temporal’s eager activity switch, true or false only', () => {
    expect(parseDynamicConfig(['system.enableActivityEagerExecution=false'])).toEqual({ activityEagerExecution: false });
    expect(parseDynamicConfig(['system.enableActivityEagerExecution=true'])).toEqual({ activityEagerExecution: true });
    expect(() => parseDynamicConfig(['system.enableActivityEagerExecution=yes'])).toThrow(/system\.enableActivityEagerExecution: "yes" is not true or false/);
  });

  it('ignores the real server’s keys, and names the key of a bad value', () => {
    expect(parseDynamicConfig(['frontend.enableUpdateWorkflowExecution=true', 'system.forceSearchAttributesCacheRefreshOnRead=true'])).toEqual({});
    expect(() => parseDynamicConfig(['temporal-lite.namespaceRetention=soon'])).toThrow(/temporal-lite\.namespaceRetention: "soon" is not a duration/);
    expect(() => parseDynamicConfig(['temporal-lite.retentionSweepInterval=0'])).toThrow(/longer than zero/);
    expect(() => parseDynamicConfig(['novalue'])).toThrow(/KEY=VALUE/);
  });
});
