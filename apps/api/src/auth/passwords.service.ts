import { randomBytes } from 'node:crypto';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { type UserRow, UsersRepository } from '@dunning/db';
import { passwordProblem } from './password-policy';
import { hashPassword, verifyPassword } from './secrets';

/** Checking and setting passwords: the policy, the hashing, and equal work for unknown accounts. */
@Injectable()
export class PasswordsService {
  /** Compared against when the account does not exist, so both cases cost one bcrypt comparison. */
  private readonly decoy = hashPassword(randomBytes(16).toString('base64url'));

  constructor(private readonly users: UsersRepository) {}

  async matches(password: string, hash: string | undefined): Promise<boolean> {
    const matches = await verifyPassword(password, hash ?? (await this.decoy));
    return hash !== undefined && matches;
  }

  /** 422 naming the field when the password fails the policy (breached, guessable, about the user). */
  async check(password: string, personal: string[], field = 'password'): Promise<void> {
    const problem = passwordProblem(password, personal);
    if (problem) throw new HttpException({ message: `${field}: ${problem}`, problems: [{ field, message: problem }] }, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  /** Sets a password that passes the policy; every other session of the user ends. */
  async set(user: Pick<UserRow, 'id' | 'email' | 'displayName'>, password: string, options: { keepSession?: string } = {}): Promise<void> {
    await this.check(password, [user.email, user.displayName], 'newPassword');
    await this.users.setPassword(user.id, await hashPassword(password), options.keepSession);
  }
}
