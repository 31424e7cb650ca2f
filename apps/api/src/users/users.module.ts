import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';

/** Accounts, managed by the admin. */
@Module({ imports: [AuthModule], controllers: [UsersController] })
export class UsersModule {}
