import { Controller, Get, NotFoundException, Post, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';
import { createUserBody, resetPasswordBody, userAccount, userAccountList } from '@dunning/api-contract';
import { UsersRepository } from '@dunning/db';
import { PasswordsService } from '../auth/passwords.service';
import { hashPassword } from '../auth/secrets';
import { Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody } from '../common/contract/contract.decorators';

/** The admin's accounts page: who can sign in, with which role; new accounts and password resets. */
@Controller('api/users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
  ) {}

  @Get()
  @Returns(userAccountList, { summary: 'Every account, by email (never a password hash)' })
  list() {
    return this.users.list();
  }

  @Post()
  @Returns(userAccount, { status: 201, errors: [409, 422], summary: 'Opens an account (409: the email is taken; 422: the password fails the policy, or no such agency)' })
  async create(@ValidBody(createUserBody) body: z.infer<typeof createUserBody>) {
    if (body.agencyId && !(await this.users.agency(body.agencyId))) {
      throw new UnprocessableEntityException({ message: 'agencyId: no such agency', problems: [{ field: 'agencyId', message: 'no such agency' }] });
    }
    // Checked against the policy before anything is written; the account is created with that hash.
    const { password, ...profile } = body;
    await this.passwords.check(password, [profile.email, profile.displayName]);
    const { passwordHash: _hash, ...user } = await this.users.create({ ...profile, passwordHash: await hashPassword(password) });
    return user;
  }

  /** The admin sets a new password (a forgotten one): every session of that user ends. */
  @Post(':id/password')
  @Returns(null, { status: 204, errors: [422], summary: 'Sets a user’s password (a forgotten one): every session of that user ends' })
  async resetPassword(@IdParam() id: string, @ValidBody(resetPasswordBody) body: z.infer<typeof resetPasswordBody>) {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('no such user');
    await this.passwords.set(user, body.newPassword);
  }
}
