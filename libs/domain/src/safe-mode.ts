/**
 * Safe mode (issue 16, point 3): messages wait in an approval queue until a person approves them.
 * `first_sends` (the default) holds a flow's first messages through a provider that reaches people
 * (Postmark, Twilio) — the dev outbox sends nothing, so nothing waits there; `always` holds every
 * message; `off` none.
 */
export const SAFE_MODES = ['off', 'first_sends', 'always'] as const;
export type SafeMode = (typeof SAFE_MODES)[number];
export const APPROVAL_TIMEOUT_POLICIES = ['send', 'skip'] as const;
export type ApprovalTimeoutPolicy = (typeof APPROVAL_TIMEOUT_POLICIES)[number];

export interface SafeModePolicy {
  mode: SafeMode;
  /** How many messages of a flow, per channel and provider, wait for approval in `first_sends`. */
  firstSends: number;
  /** After this long without a decision, the timeout policy applies. */
  timeoutHours: number;
  onTimeout: ApprovalTimeoutPolicy;
  /** A flow's own mode (by the flow's id), instead of the global one. */
  flows: Array<{ flowId: string; mode: SafeMode }>;
}

export const DEFAULT_SAFE_MODE: SafeModePolicy = { mode: 'first_sends', firstSends: 10, timeoutHours: 48, onTimeout: 'skip', flows: [] };

/** The mode that applies to a flow's messages. */
export function safeModeFor(policy: SafeModePolicy, flowId: string | undefined): SafeMode {
  return policy.flows.find((f) => f.flowId === flowId)?.mode ?? policy.mode;
}

/**
 * Does a message wait for approval? `reachesPeople`: the channel's provider delivers for real;
 * `sentSoFar`: the flow's messages already sent on this channel through it (counted up to `firstSends`).
 */
export function approvalRequired(policy: SafeModePolicy, flowId: string | undefined, channel: { reachesPeople: boolean; sentSoFar: number }): boolean {
  const mode = safeModeFor(policy, flowId);
  if (mode === 'off') return false;
  if (mode === 'always') return true;
  return channel.reachesPeople && channel.sentSoFar < policy.firstSends;
}

/** The stored setting (validated by the API when it was written) over the defaults. */
export function safeModePolicyOf(stored: unknown): SafeModePolicy {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SAFE_MODE;
  const value = stored as Partial<SafeModePolicy>;
  return {
    mode: SAFE_MODES.includes(value.mode as SafeMode) ? value.mode! : DEFAULT_SAFE_MODE.mode,
    firstSends: Number.isInteger(value.firstSends) ? value.firstSends! : DEFAULT_SAFE_MODE.firstSends,
    timeoutHours: typeof value.timeoutHours === 'number' && value.timeoutHours > 0 ? value.timeoutHours : DEFAULT_SAFE_MODE.timeoutHours,
    onTimeout: APPROVAL_TIMEOUT_POLICIES.includes(value.onTimeout as ApprovalTimeoutPolicy) ? value.onTimeout! : DEFAULT_SAFE_MODE.onTimeout,
    flows: Array.isArray(value.flows) ? value.flows.filter((f) => typeof f?.flowId === 'string' && SAFE_MODES.includes(f.mode)) : [],
  };
}
