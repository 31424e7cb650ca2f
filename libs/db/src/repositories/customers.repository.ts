import { and, asc, eq, gt, ilike, inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { customerContacts, customers } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;
export type ContactRow = typeof customerContacts.$inferSelect;
export type NewCustomer = Omit<typeof customers.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type NewContact = Pick<typeof customerContacts.$inferInsert, 'role' | 'name' | 'email' | 'phone'>;
/** A customer as an import or a creation carries it: undefined fields are not carried (kept, or defaulted when new). */
export type CustomerUpsert = { reference: string; name: string } & Partial<Omit<NewCustomer, 'reference' | 'name'>>;
export type ContactUpsert = Partial<NewContact>;

function definedFields<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A corrected address is reachable again; the same one keeps its bounce or STOP. */
const CLEAR_MARKS_ON_NEW_ADDRESS = {
  emailUnreachableAt: sql`case when excluded.email is not null and ${customerContacts.email} is distinct from excluded.email then null else ${customerContacts.emailUnreachableAt} end`,
  emailUnreachableReason: sql`case when excluded.email is not null and ${customerContacts.email} is distinct from excluded.email then null else ${customerContacts.emailUnreachableReason} end`,
  smsOptedOutAt: sql`case when excluded.phone is not null and ${customerContacts.phone} is distinct from excluded.phone then null else ${customerContacts.smsOptedOutAt} end`,
};

export class CustomersRepository {
  constructor(private readonly db: Database) {}

  async findById(id: string): Promise<(CustomerRow & { contacts: ContactRow[] }) | undefined> {
    const [customer] = await this.db.select().from(customers).where(eq(customers.id, id));
    if (!customer) return undefined;
    const contacts = await this.db.select().from(customerContacts).where(eq(customerContacts.customerId, id)).orderBy(asc(customerContacts.role));
    return { ...customer, contacts };
  }

  /** Customers by id, without their contacts (a page of invoices' customers, say), in one query per thousand. */
  async findByIds(ids: string[], db: Database = this.db): Promise<CustomerRow[]> {
    const unique = [...new Set(ids)];
    const rows: CustomerRow[] = [];
    for (let i = 0; i < unique.length; i += 1000)
      rows.push(
        ...(await db
          .select()
          .from(customers)
          .where(inArray(customers.id, unique.slice(i, i + 1000)))),
      );
    return rows;
  }

  async findByReferences(references: string[], db: Database = this.db): Promise<CustomerRow[]> {
    const rows: CustomerRow[] = [];
    for (let i = 0; i < references.length; i += 1000)
      rows.push(
        ...(await db
          .select()
          .from(customers)
          .where(inArray(customers.reference, references.slice(i, i + 1000)))),
      );
    return rows;
  }

  /**
   * Creates the customer, or updates the one with that reference. Only the fields given change: an
   * import or a creation never erases what it does not carry (a field left undefined keeps its value,
   * or takes its default on creation). Contacts given update the contact of their role the same way.
   */
  async upsert(customer: CustomerUpsert, contacts: ContactUpsert[] = [], db: Database = this.db): Promise<CustomerRow> {
    const given = definedFields(customer);
    const [inserted] = await db
      .insert(customers)
      .values(given as NewCustomer)
      .onConflictDoNothing({ target: customers.reference })
      .returning();
    let row = inserted;
    if (!row) {
      const { reference: _reference, ...changes } = given;
      [row] = await db
        .update(customers)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(customers.reference, customer.reference))
        .returning();
    }
    for (const contact of contacts) await this.upsertContact(row!.id, contact, db);
    return row!;
  }

  private async upsertContact(customerId: string, contact: ContactUpsert, db: Database): Promise<void> {
    const given = definedFields({ ...contact, role: contact.role ?? 'billing' });
    if (given.email === undefined && given.phone === undefined && given.name === undefined) return;
    await db
      .insert(customerContacts)
      .values({ ...given, customerId })
      .onConflictDoUpdate({
        target: [customerContacts.customerId, customerContacts.role],
        set: {
          name: sql`coalesce(excluded.name, ${customerContacts.name})`,
          email: sql`coalesce(excluded.email, ${customerContacts.email})`,
          phone: sql`coalesce(excluded.phone, ${customerContacts.phone})`,
          ...CLEAR_MARKS_ON_NEW_ADDRESS,
          updatedAt: sql`now()`,
        },
      });
  }

  /**
   * The customers of an import, by reference, in a few statements: new ones inserted, known ones
   * updated with what the file carries (an empty cell keeps the stored value), and the billing
   * contact likewise. Returns reference → id.
   */
  async upsertMany(entries: Array<{ customer: CustomerUpsert; contact?: ContactUpsert }>, db: Database = this.db): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      const known = new Map(
        (
          await db
            .select({ id: customers.id, reference: customers.reference })
            .from(customers)
            .where(
              inArray(
                customers.reference,
                chunk.map((e) => e.customer.reference),
              ),
            )
        ).map((r) => [r.reference, r.id]),
      );
      const fresh = chunk.filter((e) => !known.has(e.customer.reference));
      if (fresh.length > 0) {
        const rows = await db
          .insert(customers)
          .values(fresh.map((e) => definedFields(e.customer) as NewCustomer))
          .returning({ id: customers.id, reference: customers.reference });
        for (const row of rows) ids.set(row.reference, row.id);
      }
      const stale = chunk.filter((e) => known.has(e.customer.reference));
      if (stale.length > 0) {
        const records = stale.map(({ customer: c }) => ({
          reference: c.reference,
          name: c.name ?? null,
          legal_id: c.legalId ?? null,
          locale: c.locale ?? null,
          time_zone: c.timeZone ?? null,
          country: c.country ?? null,
          risk_score: c.riskScore ?? null,
          segment: c.segment ?? null,
          sector: c.sector ?? null,
          customer_type: c.customerType ?? null,
          address_lines: c.addressLines && c.addressLines.length > 0 ? c.addressLines : null,
        }));
        await db.execute(sql`
          update customers c set
            name = coalesce(v.name, c.name),
            legal_id = coalesce(v.legal_id, c.legal_id),
            locale = coalesce(v.locale::locale, c.locale),
            time_zone = coalesce(v.time_zone, c.time_zone),
            country = coalesce(v.country, c.country),
            risk_score = coalesce(v.risk_score, c.risk_score),
            segment = coalesce(v.segment, c.segment),
            sector = coalesce(v.sector, c.sector),
            customer_type = coalesce(v.customer_type, c.customer_type),
            address_lines = coalesce(v.address_lines, c.address_lines),
            updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(reference text, name text, legal_id text, locale text, time_zone text, country text, risk_score smallint, segment text, sector text, customer_type text, address_lines text[])
          where c.reference = v.reference`);
        for (const e of stale) ids.set(e.customer.reference, known.get(e.customer.reference)!);
      }
      const contacts = chunk
        .filter((e) => e.contact && (e.contact.email || e.contact.phone))
        .map((e) => ({ ...definedFields({ ...e.contact!, role: e.contact!.role ?? 'billing' }), customerId: ids.get(e.customer.reference)! }));
      if (contacts.length > 0) {
        await db
          .insert(customerContacts)
          .values(contacts)
          .onConflictDoUpdate({
            target: [customerContacts.customerId, customerContacts.role],
            set: {
              name: sql`coalesce(excluded.name, ${customerContacts.name})`,
              email: sql`coalesce(excluded.email, ${customerContacts.email})`,
              phone: sql`coalesce(excluded.phone, ${customerContacts.phone})`,
              ...CLEAR_MARKS_ON_NEW_ADDRESS,
              updatedAt: sql`now()`,
            },
          });
      }
    }
    return ids;
  }

  async update(id: string, changes: Partial<NewCustomer>, db: Database = this.db): Promise<CustomerRow | undefined> {
    const [row] = await db
      .update(customers)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(customers.id, id))
      .returning();
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

  /** The time zones customers are in (each one once): where their dates change. */
  async timeZones(): Promise<string[]> {
    const rows = await this.db.selectDistinct({ timeZone: customers.timeZone }).from(customers).orderBy(asc(customers.timeZone));
    return rows.map((r) => r.timeZone);
  }

  async count(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(gt(sql`1`, 0));
    return row?.n ?? 0;
  }
}
