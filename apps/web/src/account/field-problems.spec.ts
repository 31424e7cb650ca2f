import { ApiError } from '../api/http';
import { fieldProblems, namesAField, problemMessageKey } from './field-problems';

describe('the problems a refusal names by field', () => {
  it('reads the first problem of each field of a 400 or 422', () => {
    const error = new ApiError(422, 'currentPassword: wrong password', {
      message: 'currentPassword: wrong password',
      problems: [
        { field: 'currentPassword', message: 'wrong password' },
        { field: 'currentPassword', message: 'second' },
        { field: 'newPassword', message: 'at least 12 characters' },
      ],
    });
    expect(fieldProblems(error)).toEqual({ currentPassword: 'wrong password', newPassword: 'at least 12 characters' });
    expect(fieldProblems(new ApiError(400, 'invalid', { problems: [{ field: 'agencyId', message: 'required for an agency user' }] }))).toEqual({
      agencyId: 'required for an agency user',
    });
  });

  it('names no field for other refusals, bodies without problems, or other errors', () => {
    expect(fieldProblems(new ApiError(403, 'forbidden', { problems: [{ field: 'x', message: 'y' }] }))).toEqual({});
    expect(fieldProblems(new ApiError(422, 'no', { message: 'no' }))).toEqual({});
    expect(fieldProblems(new ApiError(400, 'no', 'text'))).toEqual({});
    expect(fieldProblems(new ApiError(400, 'no', { problems: [null, { field: 1, message: 'x' }] }))).toEqual({});
    expect(fieldProblems(new Error('network'))).toEqual({});
  });
});

describe('where a refusal is shown', () => {
  const policy = new ApiError(422, 'newPassword: at least 12 characters', { problems: [{ field: 'newPassword', message: 'at least 12 characters' }] });

  it('beside a field the form has', () => {
    expect(namesAField(policy, ['currentPassword', 'newPassword'])).toBe(true);
  });

  it('as a notification when it names no field of the form', () => {
    expect(namesAField(policy, ['email', 'password'])).toBe(false);
    expect(namesAField(new ApiError(404, 'no such user', { message: 'no such user' }), ['newPassword'])).toBe(false);
  });
});

describe('the API’s problem messages, in the user’s language', () => {
  it('knows the password policy’s answers', () => {
    expect(problemMessageKey('wrong password')).toEqual({ key: 'problems.wrongPassword' });
    expect(problemMessageKey('at least 12 characters')).toEqual({ key: 'problems.tooShort', values: { count: '12' } });
    expect(problemMessageKey('at most 1024 bytes')).toEqual({ key: 'problems.tooLong', values: { count: '1024' } });
    expect(problemMessageKey('this password appears in lists of breached passwords')).toEqual({ key: 'problems.breached' });
    expect(problemMessageKey('must not contain your name or email')).toEqual({ key: 'problems.personal' });
    expect(problemMessageKey('too easy to guess: this is a top-100 common password (add words, or use a passphrase)')).toEqual({ key: 'problems.guessable' });
  });

  it('knows the account form’s answers, and leaves unknown ones alone', () => {
    expect(problemMessageKey('required')).toEqual({ key: 'problems.required' });
    expect(problemMessageKey('Invalid email address')).toEqual({ key: 'problems.email' });
    expect(problemMessageKey('required for an agency user')).toEqual({ key: 'problems.agencyRequired' });
    expect(problemMessageKey('something new')).toBeUndefined();
  });
});
