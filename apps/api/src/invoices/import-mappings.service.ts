import { Injectable } from '@nestjs/common';
import { savedImportMappings } from '@dunning/api-contract';
import { SettingsRepository } from '@dunning/db';
import { type ColumnMapping, type SavedMapping, headerFingerprint, normalizeHeader } from './import-columns';

/** The settings key the saved column mappings are kept under (no table of their own). */
export const MAPPINGS_SETTING = 'invoiceImportMappings';
const MAX_SAVED = 50;

/** Users' column mappings, by name and by the fingerprint of the header they were made for. */
@Injectable()
export class ImportMappingsService {
  constructor(private readonly settings: SettingsRepository) {}

  async list(): Promise<SavedMapping[]> {
    const parsed = savedImportMappings.safeParse((await this.settings.all())[MAPPINGS_SETTING]);
    return parsed.success ? parsed.data : [];
  }

  /** The mapping to apply to a file: the one named, or else the last one saved for this header. */
  async find(header: readonly string[], name?: string): Promise<SavedMapping | undefined> {
    const all = await this.list();
    if (name) return all.find((m) => m.name === name);
    const fingerprint = headerFingerprint(header);
    return all.filter((m) => m.fingerprint === fingerprint).sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  }

  /** Saves (or replaces, by name) a mapping for this header. */
  async save(name: string, header: readonly string[], mapping: ColumnMapping, userId?: string): Promise<SavedMapping> {
    const saved: SavedMapping = {
      name,
      fingerprint: headerFingerprint(header),
      columns: Object.fromEntries(header.filter((h) => normalizeHeader(h) && h in mapping).map((h) => [normalizeHeader(h), mapping[h] ?? null])),
      savedAt: new Date().toISOString(),
    };
    const others = (await this.list()).filter((m) => m.name !== name);
    await this.settings.set({ [MAPPINGS_SETTING]: [saved, ...others].slice(0, MAX_SAVED) }, userId);
    return saved;
  }

  async remove(name: string): Promise<boolean> {
    const all = await this.list();
    const others = all.filter((m) => m.name !== name);
    if (others.length === all.length) return false;
    await this.settings.set({ [MAPPINGS_SETTING]: others });
    return true;
  }
}
