import { ApiError } from '../api/http';
import { formatWait, signInRetryAfter } from './sign-in-wait';

describe('a sign-in refused for too many failures', () => {
  it('reads the wait from a 429 only', () => {
    const locked = new ApiError(429, 'too many failed sign-ins: try again in 45 seconds', { message: 'too many failed sign-ins: try again in 45 seconds', retryAfterSeconds: 45 });
    expect(signInRetryAfter(locked)).toBe(45);
    expect(signInRetryAfter(new ApiError(401, 'wrong email or password', { message: 'wrong email or password' }))).toBeUndefined();
    expect(signInRetryAfter(new ApiError(429, 'slow down', { message: 'slow down' }))).toBeUndefined();
    expect(signInRetryAfter(new Error('network'))).toBeUndefined();
  });

  it('says the wait in the user’s language, in seconds under a minute and a half, then in whole minutes', () => {
    // ICU puts a normal or a no-break space before French units depending on the unit and its version.
    const said = (seconds: number, language: string) => formatWait(seconds, language).replace(/\s/g, ' ');
    expect(said(45, 'en')).toBe('45 seconds');
    expect(said(1, 'en')).toBe('1 second');
    expect(said(0.2, 'en')).toBe('1 second');
    expect(said(89, 'en')).toBe('89 seconds');
    expect(said(90, 'en')).toBe('2 minutes');
    expect(said(120, 'en')).toBe('2 minutes');
    expect(said(45, 'fr')).toBe('45 secondes');
    expect(said(900, 'fr')).toBe('15 minutes');
    expect(said(91, 'fr')).toBe('2 minutes');
  });
});
