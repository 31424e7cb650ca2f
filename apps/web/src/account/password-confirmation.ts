/**
 * Whether the confirmation visibly differs from the new password: said as soon as it stops being the
 * start of the password, not at its first letter; a confirmation still being typed is not an error yet.
 */
export function confirmationDiffers(password: string, confirmation: string): boolean {
  if (confirmation === password) return false;
  return !(confirmation.length < password.length && password.startsWith(confirmation));
}

/** Whether a new password may be sent: typed, and typed the same twice. */
export function confirmedPassword(password: string, confirmation: string): boolean {
  return password.length > 0 && confirmation === password;
}
