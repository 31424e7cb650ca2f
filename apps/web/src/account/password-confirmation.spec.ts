import { confirmationDiffers, confirmedPassword } from './password-confirmation';

describe('a new password typed twice', () => {
  it('is not called different while the confirmation is still being typed', () => {
    expect(confirmationDiffers('maple lantern', '')).toBe(false);
    expect(confirmationDiffers('maple lantern', 'maple')).toBe(false);
    expect(confirmationDiffers('maple lantern', 'maple lantern')).toBe(false);
  });

  it('is called different as soon as the confirmation departs from it', () => {
    expect(confirmationDiffers('maple lantern', 'mapel')).toBe(true);
    expect(confirmationDiffers('maple lantern', 'maple lanterns')).toBe(true);
    expect(confirmationDiffers('', 'x')).toBe(true);
  });

  it('may be sent only when typed, and the same twice', () => {
    expect(confirmedPassword('maple lantern', 'maple lantern')).toBe(true);
    expect(confirmedPassword('maple lantern', 'maple')).toBe(false);
    expect(confirmedPassword('', '')).toBe(false);
  });
});
