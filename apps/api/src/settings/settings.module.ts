import { Global, Module } from '@nestjs/common';
import { CreditorIdentityService } from './creditor-identity.service';
import { SettingsController } from './settings.controller';

/** The admin's settings; owns the creditor's identity (CreditorIdentityService, for whoever prints it). */
@Global()
@Module({ controllers: [SettingsController], providers: [CreditorIdentityService], exports: [CreditorIdentityService] })
export class SettingsModule {}
