// Process: team server (Node). The server's tables, created at start; each step runs once (migrations table).
import type { SqlDatabase } from './sql-database.ts';

type Step = { version: number; common: string[]; postgres?: string[] };

const STEPS: Step[] = [
  {
    version: 1,
    common: [
      'CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL, seq BIGINT NOT NULL DEFAULT 0, generation TEXT NOT NULL, created_at BIGINT NOT NULL)',
      'CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)',
      'CREATE TABLE members (team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, role TEXT NOT NULL, PRIMARY KEY (team_id, user_id))',
      'CREATE TABLE tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, expires_at BIGINT NOT NULL, revoked_at BIGINT)',
      'CREATE INDEX tokens_user ON tokens(user_id)',
      'CREATE TABLE docs (team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE, collection TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL, deleted INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (team_id, collection, id))',
      'CREATE INDEX docs_feed ON docs(team_id, collection, seq)',
    ],
    // Isolation in the database too: a docs row is visible and writable only in a transaction set to its team.
    // FORCE makes it bind the table's owner, which is the role the server connects as (never a superuser).
    postgres: [
      'ALTER TABLE docs ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE docs FORCE ROW LEVEL SECURITY',
      "CREATE POLICY docs_team ON docs USING (team_id = current_setting('sphere.team', true)) WITH CHECK (team_id = current_setting('sphere.team', true))",
    ],
  },
  {
    version: 2,
    // The schema version each collection's stored documents are at, so a server serving newer versions brings
    // them forward at start (document-upgrade.ts). Before this step the server served these versions.
    common: [
      'CREATE TABLE doc_versions (collection TEXT PRIMARY KEY, version INTEGER NOT NULL)',
      "INSERT INTO doc_versions (collection, version) VALUES ('contacts', 1), ('ties', 1), ('touches', 0), ('deals', 0)",
    ],
  },
];

export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    // Two servers starting at once on one PostgreSQL: the second waits here, then finds every step done.
    if (db.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7461)');
    await tx.query('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM migrations')).map((row) => Number(row.version)));
    for (const step of STEPS) {
      if (done.has(step.version)) continue;
      for (const sql of [...step.common, ...(db.dialect === 'postgres' ? (step.postgres ?? []) : [])]) await tx.query(sql);
      await tx.query('INSERT INTO migrations (version, applied_at) VALUES ($1, $2)', [step.version, Date.now()]);
    }
  });
}
