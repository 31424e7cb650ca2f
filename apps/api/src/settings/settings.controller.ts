import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Put, UnprocessableEntityException } from '@nestjs/common';
import { z } from 'zod';
import { legalLateRatePercent, localToday } from '@dunning/domain';
import { SettingsRepository, UsersRepository } from '@dunning/db';
import { DEFAULT_PROVISION_RATE_PERCENT } from '@dunning/receivables';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { lateRateBody, settingsBody } from './settings.schema';

/** The same defaults the worker applies (apps/worker sending-policy.ts). */
const DEFAULTS = { provisionRatePercent: DEFAULT_PROVISION_RATE_PERCENT, dailyCap: { email: 5, sms: 3, letter: 2 }, defaultAgencyId: null };

/** The admin's settings and the table of legal late-interest rates (ECB + 10 points, by half-year). */
@Controller('api/settings')
@Roles('credit_manager')
export class SettingsController {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly users: UsersRepository,
  ) {}

  @Get()
  async get() {
    const stored = await this.settings.all();
    const rates = await this.settings.lateRates();
    const today = localToday(new Date(), 'Europe/Paris');
    // No rate dated on or before today (an admin deleted them): say there is none rather than fail.
    let legal: ReturnType<typeof legalLateRatePercent> | undefined;
    try {
      legal = rates.length > 0 ? legalLateRatePercent(today, rates) : undefined;
    } catch {
      legal = undefined;
    }
    return {
      ...DEFAULTS,
      ...stored,
      dailyCap: { ...DEFAULTS.dailyCap, ...(stored.dailyCap as object | undefined) },
      lateRates: rates,
      legalLateRateToday: legal ? { ratePercent: legal.ratePercent, from: legal.from, missingHalfYear: legal.missingHalfYear ?? null } : null,
    };
  }

  @Put()
  @Roles('admin', 'credit_manager')
  async put(@Body(new ZodPipe(settingsBody)) body: z.infer<typeof settingsBody>, @CurrentPrincipal() principal: Principal) {
    if (body.defaultAgencyId && !(await this.users.agency(body.defaultAgencyId)))
      throw new UnprocessableEntityException({ message: 'defaultAgencyId: no such agency', problems: [{ field: 'defaultAgencyId', message: 'no such agency' }] });
    await this.settings.set(body, principal.userId);
    return this.get();
  }

  /** Adds or corrects the ECB rate of a half-year (published by the Banque de France each January and July). */
  @Put('late-rates')
  @Roles('admin', 'credit_manager')
  async putLateRate(@Body(new ZodPipe(lateRateBody)) body: z.infer<typeof lateRateBody>) {
    await this.settings.setLateRate(body.from, body.ecbRatePercent);
    return this.settings.lateRates();
  }

  @Delete('late-rates/:from')
  @HttpCode(204)
  @Roles('admin', 'credit_manager')
  async deleteLateRate(@Param('from') from: string) {
    if (!(await this.settings.deleteLateRate(from))) throw new NotFoundException(`no rate from ${from}`);
  }
}
