import { pgTable, text } from 'drizzle-orm/pg-core';
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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
