// Process: renderer. The live settings document, or the defaults until the user changes something.
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../../shared/schemas/settings.ts';
import type { SettingsDoc, SphereDatabase } from '../../shared/schemas/index.ts';

export function useSettings(db: SphereDatabase): SettingsDoc {
  const [settings, setSettings] = useState<SettingsDoc>(DEFAULT_SETTINGS);
  useEffect(() => {
    const sub = db.settings.findOne(SETTINGS_ID).$.subscribe((doc) => setSettings(doc ? (doc.toJSON() as SettingsDoc) : DEFAULT_SETTINGS));
    return () => sub.unsubscribe();
  }, [db]);
  return settings;
}
