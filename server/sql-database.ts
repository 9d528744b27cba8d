// Process: team server (Node). The one database interface the server is written against, over SQLite or PostgreSQL.
// SQL is written once in the subset both understand: `$1` placeholders, TEXT ids, BIGINT numbers, JSON as TEXT.

export type Row = Record<string, unknown>;

export interface SqlQuery {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export type TransactionOptions = {
  /**
   * The team this transaction acts for. Under PostgreSQL it becomes the transaction's `sphere.team` setting,
   * which row-level security checks on every docs row, so a bug in a query cannot reach another team.
   */
  team?: string;
};

export interface SqlDatabase extends SqlQuery {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Wakes listener with each payload sent to channel by any process on the database (PostgreSQL only). After the
   * listening connection was lost and made again, listener gets undefined: notifications may have been missed.
   */
  listen?(channel: string, listener: (payload: string | undefined) => void): Promise<void>;
  close(): Promise<void>;
}

/** Thrown inside a transaction to roll it back on purpose; transaction() then resolves with its value. */
export class Rollback<T> extends Error {
  readonly value: T;
  constructor(value: T) {
    super('rollback');
    this.value = value;
  }
}

/** BIGINT columns come back as strings from pg; every number the server stores fits a double. */
export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
