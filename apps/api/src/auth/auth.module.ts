import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AccountsSeeder } from './accounts.seeder';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordsService } from './passwords.service';

@Module({
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, AccountsSeeder, LoginThrottleService, PasswordsService],
  exports: [AccountsSeeder, PasswordsService],
})
export class AuthModule {}
