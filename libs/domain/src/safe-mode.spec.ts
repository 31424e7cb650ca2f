import { DEFAULT_SAFE_MODE, approvalRequired, safeModeFor } from './safe-mode';

describe('safe mode: which messages wait for a person', () => {
  it('holds a flow’s first sends through a real provider by default, never the dev outbox’s', () => {
    const postmark = (sentSoFar: number) => ({ reachesPeople: true, sentSoFar });
    expect(approvalRequired(DEFAULT_SAFE_MODE, 'flow-a', postmark(0))).toBe(true);
    expect(approvalRequired(DEFAULT_SAFE_MODE, 'flow-a', postmark(DEFAULT_SAFE_MODE.firstSends - 1))).toBe(true);
    expect(approvalRequired(DEFAULT_SAFE_MODE, 'flow-a', postmark(DEFAULT_SAFE_MODE.firstSends))).toBe(false);
    expect(approvalRequired(DEFAULT_SAFE_MODE, 'flow-a', { reachesPeople: false, sentSoFar: 0 })).toBe(false);
  });

  it('a flow’s own mode wins over the global one', () => {
    const policy = { ...DEFAULT_SAFE_MODE, mode: 'off' as const, flows: [{ flowId: 'flow-b', mode: 'always' as const }] };
    expect(safeModeFor(policy, 'flow-b')).toBe('always');
    expect(approvalRequired(policy, 'flow-b', { reachesPeople: false, sentSoFar: 500 })).toBe(true);
    expect(approvalRequired(policy, 'flow-a', { reachesPeople: true, sentSoFar: 0 })).toBe(false);
  });
});
