import { and, asc, eq, gt, ilike, inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { customerContacts, customers } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;
export type ContactRow = typeof customerContacts.$inferSelect;
export type NewCustomer = Omit<typeof customers.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type NewContact = Pick<typeof customerContacts.$inferInsert, 'role' | 'name' | 'email' | 'phone'>;

/** A corrected address is reachable again; the same one keeps its bounce or STOP. */
const CLEAR_MARKS_ON_NEW_ADDRESS = {
  emailUnreachableAt: sql`case when ${customerContacts.email} is distinct from excluded.email then null else ${customerContacts.emailUnreachableAt} end`,
  emailUnreachableReason: sql`case when ${customerContacts.email} is distinct from excluded.email then null else ${customerContacts.emailUnreachableReason} end`,
  smsOptedOutAt: sql`case when ${customerContacts.phone} is distinct from excluded.phone then null else ${customerContacts.smsOptedOutAt} end`,
};

export class CustomersRepository {
  constructor(private readonly db: Database) {}

  async findById(id: string): Promise<(CustomerRow & { contacts: ContactRow[] }) | undefined> {
    const [customer] = await this.db.select().from(customers).where(eq(customers.id, id));
    if (!customer) return undefined;
    const contacts = await this.db.select().from(customerContacts).where(eq(customerContacts.customerId, id)).orderBy(asc(customerContacts.role));
    return { ...customer, contacts };
  }

  async findByReferences(references: string[]): Promise<CustomerRow[]> {
    if (references.length === 0) return [];
    return this.db.select().from(customers).where(inArray(customers.reference, references));
  }

  /** Creates or updates by reference; contacts given replace those of the same role. */
  async upsert(customer: NewCustomer, contacts: NewContact[] = [], db: Database = this.db): Promise<CustomerRow> {
    const [row] = await db
      .insert(customers)
      .values(customer)
      .onConflictDoUpdate({
        target: customers.reference,
        set: {
          name: customer.name,
          legalId: customer.legalId,
          locale: customer.locale,
          timeZone: customer.timeZone,
          country: customer.country,
          riskScore: customer.riskScore,
          segment: customer.segment,
          customerType: customer.customerType,
          addressLines: customer.addressLines,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    for (const contact of contacts) {
      await db
        .insert(customerContacts)
        .values({ ...contact, customerId: row!.id })
        .onConflictDoUpdate({
          target: [customerContacts.customerId, customerContacts.role],
          set: { name: contact.name, email: contact.email, phone: contact.phone, ...CLEAR_MARKS_ON_NEW_ADDRESS, updatedAt: sql`now()` },
        });
    }
    return row!;
  }

  /** Creates or updates many customers by reference, with one contact each, in a few statements. */
  async upsertMany(entries: Array<{ customer: NewCustomer; contact?: NewContact }>, db: Database = this.db): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      const rows = await db
        .insert(customers)
        .values(chunk.map((e) => e.customer))
        .onConflictDoUpdate({
          target: customers.reference,
          set: {
            name: sql`excluded.name`,
            legalId: sql`excluded.legal_id`,
            locale: sql`excluded.locale`,
            timeZone: sql`excluded.time_zone`,
            country: sql`excluded.country`,
            riskScore: sql`excluded.risk_score`,
            segment: sql`excluded.segment`,
            customerType: sql`excluded.customer_type`,
            addressLines: sql`excluded.address_lines`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: customers.id, reference: customers.reference });
      for (const row of rows) ids.set(row.reference, row.id);
      const contacts = chunk.filter((e) => e.contact).map((e) => ({ ...e.contact!, customerId: ids.get(e.customer.reference)! }));
      if (contacts.length > 0) {
        await db
          .insert(customerContacts)
          .values(contacts)
          .onConflictDoUpdate({
            target: [customerContacts.customerId, customerContacts.role],
            set: { name: sql`excluded.name`, email: sql`excluded.email`, phone: sql`excluded.phone`, ...CLEAR_MARKS_ON_NEW_ADDRESS, updatedAt: sql`now()` },
          });
      }
    }
    return ids;
  }

  async update(id: string, changes: Partial<NewCustomer>): Promise<CustomerRow | undefined> {
    const [row] = await this.db.update(customers).set({ ...changes, updatedAt: sql`now()` }).where(eq(customers.id, id)).returning();
    return row;
  }

  /** Keyset pagination by name then id. */
  async list(filter: { search?: string; segment?: string; after?: { name: string; id: string }; limit: number }): Promise<CustomerRow[]> {
    const conditions = [
      filter.search ? ilike(customers.name, `%${filter.search}%`) : undefined,
      filter.segment ? eq(customers.segment, filter.segment) : undefined,
      filter.after ? sql`(${customers.name}, ${customers.id}) > (${filter.after.name}, ${filter.after.id})` : undefined,
    ].filter(Boolean);
    return this.db
      .select()
      .from(customers)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(customers.name), asc(customers.id))
      .limit(filter.limit);
  }

  async contacts(customerId: string): Promise<ContactRow[]> {
    return this.db.select().from(customerContacts).where(eq(customerContacts.customerId, customerId));
  }

  /** A hard bounce or complaint: every contact with that address stops receiving email. Returns how many. */
  async markEmailUnreachable(email: string, reason: string, at: Date): Promise<number> {
    const rows = await this.db
      .update(customerContacts)
      .set({ emailUnreachableAt: at, emailUnreachableReason: reason, updatedAt: sql`now()` })
      .where(sql`lower(${customerContacts.email}) = lower(${email}) and ${customerContacts.emailUnreachableAt} is null`)
      .returning({ id: customerContacts.id });
    return rows.length;
  }

  /** STOP (opted out) or START (back in) from the number's owner. Returns how many contacts changed. */
  async setSmsOptOut(phone: string, optedOut: boolean, at: Date): Promise<number> {
    const rows = await this.db
      .update(customerContacts)
      .set({ smsOptedOutAt: optedOut ? at : null, updatedAt: sql`now()` })
      .where(eq(customerContacts.phone, phone))
      .returning({ id: customerContacts.id });
    return rows.length;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(customers).where(gt(sql`1`, 0));
    return row?.n ?? 0;
  }
}
