import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';
import { UsersRepository } from '@dunning/db';
import { PasswordsService } from '../auth/passwords.service';
import { hashPassword } from '../auth/secrets';
import { Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { createUserSchema, resetPasswordSchema } from './users.schema';

/** The admin's accounts page: who can sign in, with which role; new accounts and password resets. */
@Controller('api/users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
  ) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Post()
  async create(@Body(new ZodPipe(createUserSchema)) body: z.infer<typeof createUserSchema>) {
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
  @HttpCode(204)
  async resetPassword(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodPipe(resetPasswordSchema)) body: z.infer<typeof resetPasswordSchema>) {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('no such user');
    await this.passwords.set(user, body.newPassword);
  }
}
