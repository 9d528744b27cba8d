// Process: any (pure). The collections of a sphere database, declared once for renderer, main and server.
import { addRxPlugin, type MigrationStrategies, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { contactMigrations, contactSchema, type ContactDoc } from './contact.ts';
import { dealMigrations, dealSchema, type DealDoc } from './deal.ts';
import { tieMigrations, tieSchema, type TieDoc } from './tie.ts';
import { touchMigrations, touchSchema, type TouchDoc } from './touch.ts';
import { settingsMigrations, settingsSchema, type SettingsDoc } from './settings.ts';

export type { ContactDoc, DealDoc, SettingsDoc, TieDoc, TouchDoc };

// Collections past their first schema version cannot be opened without RxDB's migration plugin, even when there
// is nothing left to migrate: whoever has these collections in hand (window, host, tests, tools) has the plugin.
addRxPlugin(RxDBMigrationSchemaPlugin);

/** Name of the RxDatabase; the storage channel refuses any other. */
export const DATABASE_NAME = 'sphere';

type CollectionSpec<T> = { schema: RxJsonSchema<T>; migrationStrategies: MigrationStrategies };

/**
 * Every schema starts at version 0. A new version adds its step here
 * (version → function of the old document) so stored data moves forward. The host runs the steps at launch,
 * before any window is served (electron/store/schema-upgrade.ts); windows only ever see the current versions.
 */
export const COLLECTIONS = {
  contacts: { schema: contactSchema, migrationStrategies: contactMigrations } as CollectionSpec<ContactDoc>,
  ties: { schema: tieSchema, migrationStrategies: tieMigrations } as CollectionSpec<TieDoc>,
  touches: { schema: touchSchema, migrationStrategies: touchMigrations } as CollectionSpec<TouchDoc>,
  deals: { schema: dealSchema, migrationStrategies: dealMigrations } as CollectionSpec<DealDoc>,
  settings: { schema: settingsSchema, migrationStrategies: settingsMigrations } as CollectionSpec<SettingsDoc>,
};

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The typed database every part of the app sees, whatever storage is underneath. */
export type SphereCollections = {
  contacts: RxCollection<ContactDoc>;
  ties: RxCollection<TieDoc>;
  touches: RxCollection<TouchDoc>;
  deals: RxCollection<DealDoc>;
  settings: RxCollection<SettingsDoc>;
};
export type SphereDatabase = RxDatabase<SphereCollections>;
