import { Controller, Delete, Get, NotFoundException, Put, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';
import { type Settings, type SettingsBody, creditorIdentity, halfYearStart, lateRateBody, lateRateList, settings, settingsBody } from '@dunning/api-contract';
import { DEFAULT_SAFE_MODE, DEFAULT_SENDING_WINDOW, legalLateRatePercent, localToday } from '@dunning/domain';
import { holidayCountries, publicHolidays } from '@dunning/domain/holidays';
import { FlowsRepository, SettingsRepository, UsersRepository } from '@dunning/db';
import { DEFAULT_PROVISION_RATE_PERCENT } from '@dunning/receivables';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { Returns, ValidBody, ValidParam } from '../common/contract/contract.decorators';
import { CreditorIdentityService } from './creditor-identity.service';

/** The same defaults the worker applies (apps/worker sending-policy.ts). */
const DEFAULTS = {
  provisionRatePercent: DEFAULT_PROVISION_RATE_PERCENT,
  dailyCap: { email: 5, sms: 3, letter: 2 },
  defaultAgencyId: null,
  sending: { ...DEFAULT_SENDING_WINDOW, weekdays: [...DEFAULT_SENDING_WINDOW.weekdays], timeZone: 'Europe/Paris', holidayCountry: 'FR' },
};

const unprocessable = (field: string, message: string) => new UnprocessableEntityException({ message: `${field}: ${message}`, problems: [{ field, message }] });

/** The admin's settings and the table of legal late-interest rates (ECB + 10 points, by half-year). */
@Controller('api/settings')
@Roles('credit_manager')
export class SettingsController {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly users: UsersRepository,
    private readonly flows: FlowsRepository,
    private readonly creditor: CreditorIdentityService,
  ) {}

  @Get()
  @Returns(settings, { summary: 'Every setting (defaults where none is stored), the creditor’s identity, the legal rates table and today’s legal rate' })
  async get(): Promise<Settings> {
    const stored = await this.settings.all();
    // Only this module's keys (the settings table keeps others too, e.g. saved import mappings), each as validated when it was set.
    const storedValue = <K extends keyof SettingsBody>(key: K): SettingsBody[K] => {
      const parsed = settingsBody.shape[key].safeParse(stored[key]);
      return parsed.success ? (parsed.data as SettingsBody[K]) : undefined;
    };
    const rates = await this.settings.lateRates();
    const fallback = this.creditor.fallback();
    const today = localToday(new Date(), 'Europe/Paris');
    // No rate dated on or before today (an admin deleted them): say there is none rather than fail.
    let legal: ReturnType<typeof legalLateRatePercent> | undefined;
    try {
      legal = rates.length > 0 ? legalLateRatePercent(today, rates) : undefined;
    } catch {
      legal = undefined;
    }
    return {
      provisionRatePercent: storedValue('provisionRatePercent') ?? DEFAULTS.provisionRatePercent,
      dailyCap: storedValue('dailyCap') ?? DEFAULTS.dailyCap,
      defaultAgencyId: storedValue('defaultAgencyId') ?? DEFAULTS.defaultAgencyId,
      paymentTermDerogations: storedValue('paymentTermDerogations') ?? [],
      creditor: storedValue('creditor') ?? null,
      creditorFallback: { ...fallback, iban: fallback.iban ?? null, siren: fallback.siren ?? null },
      creditorStatus: this.creditor.status(stored.creditor),
      sending: storedValue('sending') ?? DEFAULTS.sending,
      safeMode: storedValue('safeMode') ?? DEFAULT_SAFE_MODE,
      holidayCountries: holidayCountries(),
      lateRates: rates,
      legalLateRateToday: legal ? { ratePercent: legal.ratePercent, from: legal.from, missingHalfYear: legal.missingHalfYear ?? null } : null,
    };
  }

  @Put()
  @Roles('admin', 'credit_manager')
  @Returns(settings, {
    errors: [422],
    summary: 'Changes the settings given (the others stay); answers them all',
    description:
      '`creditor` (the identity messages, letters and dossiers carry; SIREN Luhn-checked, IBAN mod-97-checked, SMS sender ≤ 11 letters or digits) is replaced whole; null removes it (the environment’s CREDITOR_* apply again). `sending`: the window new flows start with and the holiday country.',
  })
  async put(@ValidBody(settingsBody) body: z.infer<typeof settingsBody>, @CurrentPrincipal() principal: Principal) {
    if (body.defaultAgencyId && !(await this.users.agency(body.defaultAgencyId))) throw unprocessable('defaultAgencyId', 'no such agency');
    if (body.creditor) {
      // The numbers' checks (SIREN, IBAN, BIC, VAT, SMS sender): 422 naming each field; stored compact.
      const checked = creditorIdentity.safeParse(body.creditor);
      if (!checked.success) {
        const problems = checked.error.issues.map((issue) => ({ field: ['creditor', ...issue.path].join('.'), message: issue.message }));
        throw new UnprocessableEntityException({ message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
      }
      body = { ...body, creditor: checked.data };
    }
    if (body.sending) {
      try {
        publicHolidays(body.sending.holidayCountry, 2026, 2026);
      } catch {
        throw unprocessable('sending.holidayCountry', 'no public holiday calendar for this country');
      }
    }
    for (const [index, flow] of (body.safeMode?.flows ?? []).entries()) {
      if (!(await this.flows.findById(flow.flowId))) throw unprocessable(`safeMode.flows.${index}.flowId`, 'no such flow');
    }
    await this.settings.set(body, principal.userId);
    return this.get();
  }

  /** Adds or corrects the ECB rate of a half-year (published by the Banque de France each January and July). */
  @Put('late-rates')
  @Roles('admin', 'credit_manager')
  @Returns(lateRateList, { summary: 'Adds or corrects the ECB rate of a half-year; answers the whole table' })
  async putLateRate(@ValidBody(lateRateBody) body: z.infer<typeof lateRateBody>) {
    await this.settings.setLateRate(body.from, body.ecbRatePercent);
    return this.settings.lateRates();
  }

  @Delete('late-rates/:from')
  @Roles('admin', 'credit_manager')
  @Returns(null, { status: 204, summary: 'Removes the ECB rate of a half-year' })
  async deleteLateRate(@ValidParam('from', halfYearStart) from: string) {
    if (!(await this.settings.deleteLateRate(from))) throw new NotFoundException(`no rate from ${from}`);
  }
}
