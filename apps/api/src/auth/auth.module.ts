import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AccountsSeeder } from './accounts.seeder';

@Module({
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, AccountsSeeder],
  exports: [AccountsSeeder],
})
export class AuthModule {}
