import { Inject, Injectable } from '@nestjs/common';
import { type CreditorFallback, type EffectiveCreditor, PLACEHOLDER_CREDITOR_NAME, effectiveCreditor, isCreditorIdentity } from '@dunning/domain';
import { SettingsRepository } from '@dunning/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * The creditor's identity: the settings module owns it (key `creditor`); the environment's
 * CREDITOR_* values stand in until the admin sets it. The worker reads the same key at send time.
 */
@Injectable()
export class CreditorIdentityService {
  constructor(
    private readonly settings: SettingsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  fallback(): CreditorFallback {
    return {
      name: this.config.CREDITOR_NAME,
      email: this.config.CREDITOR_EMAIL,
      phone: this.config.CREDITOR_PHONE,
      addressLines: this.config.CREDITOR_ADDRESS.split('|').filter(Boolean),
      siren: this.config.CREDITOR_SIREN,
    };
  }

  /** Settings, else environment; `missing` when the environment only has the placeholder name. */
  status(stored: unknown): 'settings' | 'environment' | 'missing' {
    if (isCreditorIdentity(stored)) return 'settings';
    return this.config.CREDITOR_NAME === PLACEHOLDER_CREDITOR_NAME ? 'missing' : 'environment';
  }

  async effective(): Promise<EffectiveCreditor> {
    return effectiveCreditor((await this.settings.all()).creditor, this.fallback());
  }
}
