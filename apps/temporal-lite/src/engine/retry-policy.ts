import { invalidArgument } from '../grpc/rpc-error';
import type { IFailure, IRetryPolicy } from '../proto/temporal-proto';
import { RetryState } from '../proto/temporal-proto';
import { durationToMs, msToDuration } from '../proto/time';
import type { RetryPolicyState } from './run-state';

/** Fills in the server defaults the way Temporal does (1 s, ×2, max 100 × initial, unlimited). */
export function normaliseRetryPolicy(policy: IRetryPolicy | null | undefined, field: string): RetryPolicyState {
  const initialIntervalMs = durationToMs(policy?.initialInterval) || 1000;
  const backoffCoefficient = policy?.backoffCoefficient || 2;
  const maximumIntervalMs = durationToMs(policy?.maximumInterval) || initialIntervalMs * 100;
  const maximumAttempts = policy?.maximumAttempts ?? 0;
  if (backoffCoefficient < 1) throw invalidArgument(`${field}.backoffCoefficient cannot be less than 1.`);
  if (maximumAttempts < 0) throw invalidArgument(`${field}.maximumAttempts cannot be negative.`);
  if (maximumIntervalMs < initialIntervalMs) {
    throw invalidArgument(`${field}.maximumInterval cannot be less than its initialInterval.`);
  }
  return {
    initialIntervalMs,
    backoffCoefficient,
    maximumIntervalMs,
    maximumAttempts,
    nonRetryableErrorTypes: [...(policy?.nonRetryableErrorTypes ?? [])],
  };
}

export function retryPolicyToProto(policy: RetryPolicyState): IRetryPolicy {
  return {
    initialInterval: msToDuration(policy.initialIntervalMs),
    backoffCoefficient: policy.backoffCoefficient,
    maximumInterval: msToDuration(policy.maximumIntervalMs),
    maximumAttempts: policy.maximumAttempts,
    nonRetryableErrorTypes: policy.nonRetryableErrorTypes,
  };
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; retryState: number };

/**
 * Whether a failed attempt is retried, and after how long. `deadline` is the absolute time after
 * which no attempt may start (schedule-to-close or execution timeout), 0 for none.
 */
export function decideRetry(policy: RetryPolicyState | undefined, attempt: number, failure: IFailure | undefined, now: number, deadline: number): RetryDecision {
  if (!policy) return { retry: false, retryState: RetryState.RETRY_STATE_RETRY_POLICY_NOT_SET };
  const info = failure?.applicationFailureInfo;
  if (info?.nonRetryable || (info?.type && policy.nonRetryableErrorTypes.includes(info.type))) {
    return { retry: false, retryState: RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE };
  }
  if (policy.maximumAttempts > 0 && attempt >= policy.maximumAttempts) {
    return { retry: false, retryState: RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED };
  }
  const explicitDelay = durationToMs(info?.nextRetryDelay);
  const delayMs = explicitDelay > 0 ? explicitDelay : Math.min(policy.initialIntervalMs * Math.pow(policy.backoffCoefficient, attempt - 1), policy.maximumIntervalMs);
  if (deadline > 0 && now + delayMs >= deadline) return { retry: false, retryState: RetryState.RETRY_STATE_TIMEOUT };
  return { retry: true, delayMs };
}
