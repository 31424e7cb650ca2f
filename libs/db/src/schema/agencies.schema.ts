import { jsonb, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.schema';
import { agencyDeliveryMethod } from './enums.schema';

export const agencies = pgTable('agencies', {
  id: id(),
  name: text('name').notNull().unique(),
  /** SHA-256 of the agency's API key; the key itself is shown once and never stored. */
  apiKeyHash: text('api_key_hash').unique(),
  deliveryMethod: agencyDeliveryMethod('delivery_method').notNull().default('api'),
  /** Where handoff files go for email/sftp delivery (an address or a remote path). */
  deliveryAddress: text('delivery_address'),
  /**
   * How to push handoff files: SFTP host/port/user/directory or the webhook URL. Secrets are never
   * stored: only the names of the environment variables that hold them.
   */
  deliveryConfig: jsonb('delivery_config').$type<AgencyDeliveryConfig>().notNull().default({}),
  /** ASCII-armoured OpenPGP public key: when set, handoff packages are encrypted for the agency. */
  pgpPublicKey: text('pgp_public_key'),
  /** The agency's fee on what it recovers (percent, before VAT), and the VAT on that fee. */
  commissionPercent: numeric('commission_percent', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
  commissionVatPercent: numeric('commission_vat_percent', { precision: 5, scale: 2, mode: 'number' }).notNull().default(20),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export interface AgencyDeliveryConfig {
  sftp?: { host: string; port?: number; username: string; directory?: string; privateKeyEnv?: string; passwordEnv?: string };
  webhook?: { url: string; secretEnv: string };
}
