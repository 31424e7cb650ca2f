import { passwordProblem } from './password-policy';

describe('the password policy', () => {
  it('refuses short, breached and guessable passwords with the reason', () => {
    expect(passwordProblem('Sh0rt!pass')).toBe('at least 12 characters');
    expect(passwordProblem('qwertyuiop123')).toBe('this password appears in lists of breached passwords');
    expect(passwordProblem('password1234')).toMatch(/breached|too easy/);
    expect(passwordProblem('azertyuiopqsd')).toMatch(/too easy to guess/);
    expect(passwordProblem('motdepasse2026')).toMatch(/too easy to guess|breached/);
    expect(passwordProblem('é'.repeat(40))).toBe('at most 72 bytes');
  });

  it("refuses a password built from the account's own email", () => {
    expect(passwordProblem('jean.dupont2026', ['jean.dupont@acme.fr'])).toBe('must not contain your name or email');
  });

  it('accepts a passphrase and a random password', () => {
    expect(passwordProblem('cheval agrafe batterie correcte')).toBeUndefined();
    expect(passwordProblem('q7#Lk2!vW9zR$m4e')).toBeUndefined();
  });
});
