// Process: any (pure). One entry for every file format the sphere is exported to, used alike by the app's Export
// commands and by `npm run cli -- export`, so both write the same file for the same sphere.
import { buildSphereModel } from '../graph/sphere-model.ts';
import { baseCurrency } from '../domain/money.ts';
import { DEFAULT_SETTINGS } from '../schemas/settings.ts';
import type { CollectionName, ContactDoc, DealDoc, SettingsDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import { contactsToGoogleCsv } from './contacts-csv.ts';
import { contactsToVcard } from './contacts-vcard.ts';
import { toGexf } from './gexf.ts';
import { graphTable } from './graph-table.ts';
import { toGraphml } from './graphml.ts';
import { backupText, makeBackup } from './sphere-backup.ts';

export const EXPORT_FORMATS = ['csv', 'vcard', 'gexf', 'graphml', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILES: Record<ExportFormat, { extension: string; mime: string; what: string }> = {
  csv: { extension: 'csv', mime: 'text/csv', what: 'contacts (Google Contacts CSV)' },
  vcard: { extension: 'vcf', mime: 'text/vcard', what: 'contacts (vCard 4.0)' },
  gexf: { extension: 'gexf', mime: 'application/gexf+xml', what: 'graph (GEXF 1.3)' },
  graphml: { extension: 'graphml', mime: 'application/graphml+xml', what: 'graph (GraphML)' },
  json: { extension: 'json', mime: 'application/json', what: 'whole sphere (JSON backup)' },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Every collection's live documents; settings is empty while the user has kept the defaults. */
export type SphereContents = { [C in CollectionName]: readonly (C extends 'contacts' ? ContactDoc : C extends 'ties' ? TieDoc : C extends 'touches' ? TouchDoc : C extends 'deals' ? DealDoc : SettingsDoc)[] };

/** The file's text. `now` is the clock the derived values (stage, trust score) are read at, and the backup's date. */
export function exportSphere(format: ExportFormat, sphere: SphereContents, now: number): string {
  switch (format) {
    case 'csv':
      return contactsToGoogleCsv(sphere.contacts);
    case 'vcard':
      return contactsToVcard(sphere.contacts);
    case 'json':
      return backupText(makeBackup(sphere, now));
    case 'gexf':
    case 'graphml': {
      const settings = sphere.settings[0] ?? DEFAULT_SETTINGS;
      const docs = { contacts: [...sphere.contacts], ties: [...sphere.ties], touches: [...sphere.touches], deals: [...sphere.deals] };
      const model = buildSphereModel(docs, now, { weights: settings.trustWeights, cadence: settings.cadence, lifeCycle: settings.lifeCycle });
      const table = graphTable(model, sphere.contacts, sphere.deals, baseCurrency(settings));
      if (format === 'graphml') return toGraphml(table);
      return toGexf(table, { generatedAt: now, colours: new Map([...model.nodes.values()].map((n) => [n.data.id, n.data.categoryFill])) });
    }
  }
}

/** A file name to suggest: `sphere-contacts-2026-11-27.csv`. */
export function exportFileName(format: ExportFormat, now: number): string {
  const what = format === 'csv' || format === 'vcard' ? 'contacts' : format === 'json' ? 'backup' : 'graph';
  return `sphere-${what}-${new Date(now).toISOString().slice(0, 10)}.${EXPORT_FILES[format].extension}`;
}
