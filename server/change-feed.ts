// Process: team server (Node). Wakes a team's live streams after each commit, across processes under PostgreSQL.
import type { SqlDatabase } from './sql-database.ts';

type Wake = (seq: number) => void;

export class ChangeFeed {
  private readonly db: SqlDatabase;
  private readonly listeners = new Map<string, Set<Wake>>();

  constructor(db: SqlDatabase) {
    this.db = db;
  }

  /** Under PostgreSQL every process LISTENs: the NOTIFY sent in a push's transaction wakes them all, this one too. */
  async start(): Promise<void> {
    await this.db.listen?.('sphere_team', (payload) => {
      // The listening connection was made again: any team may have changed meanwhile, so every stream looks.
      if (payload === undefined) {
        for (const team of [...this.listeners.keys()]) this.wake(team, 0);
        return;
      }
      const at = payload.lastIndexOf(':');
      this.wake(payload.slice(0, at), Number(payload.slice(at + 1)));
    });
  }

  /** Called after a push committed. With SQLite the server is the only writer, so the wake-up stays in process. */
  committed(team: string, seq: number): void {
    if (!this.db.listen) this.wake(team, seq);
  }

  subscribe(team: string, wake: Wake): () => void {
    let set = this.listeners.get(team);
    if (!set) this.listeners.set(team, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0) this.listeners.delete(team);
    };
  }

  private wake(team: string, seq: number) {
    for (const fn of this.listeners.get(team) ?? []) fn(seq);
  }
}
