// Process: renderer. Undo and redo for every edit: each command returns how to reverse itself.

export type Reversible = {
  /** What the user sees in "Undo …" and "Redo …". */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
};

type Listener = () => void;

/**
 * A linear history, as editors have: a new edit after undos discards the redo
 * branch. Runs one step at a time so a fast double Ctrl+Z cannot interleave.
 */
export class EditHistory {
  private readonly done: Reversible[] = [];
  private readonly undone: Reversible[] = [];
  private busy: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private readonly limit: number;

  constructor(limit = 200) {
    this.limit = limit;
  }

  /**
   * Runs an edit in turn with undo and redo, and records it. An undo pressed while
   * the edit is still being written waits for it, instead of finding nothing to undo.
   */
  perform(edit: () => Promise<Reversible | null>): Promise<Reversible | null> {
    const next = this.busy.then(edit).then((step) => {
      if (step) this.record(step);
      return step;
    });
    this.busy = next.then(() => undefined, () => undefined);
    return next;
  }

  /**
   * Takes in the steps the host kept (undo: oldest first; redo: the next redo last), for a window that reloaded
   * or a host that restarted. Only into an empty history: steps taken here since are newer than the host's list.
   */
  seed(undo: Reversible[], redo: Reversible[]): void {
    if (this.done.length > 0 || this.undone.length > 0) return;
    this.done.push(...undo.slice(-this.limit));
    this.undone.push(...redo);
    this.emit();
  }

  record(step: Reversible): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    // In place: a queued undo or redo holds these arrays.
    this.undone.length = 0;
    this.emit();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  get nextUndoLabel(): string | undefined {
    return this.done[this.done.length - 1]?.label;
  }

  get nextRedoLabel(): string | undefined {
    return this.undone[this.undone.length - 1]?.label;
  }

  undo(): Promise<string | undefined> {
    return this.step(this.done, this.undone, (s) => s.undo());
  }

  redo(): Promise<string | undefined> {
    return this.step(this.undone, this.done, (s) => s.redo());
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private step(from: Reversible[], to: Reversible[], run: (s: Reversible) => Promise<void>): Promise<string | undefined> {
    const next = this.busy.then(async () => {
      const step = from.pop();
      if (!step) return undefined;
      try {
        await run(step);
        to.push(step);
        return step.label;
      } catch (err) {
        // A step that failed to reverse stays where it was, so the user can try again.
        from.push(step);
        throw err;
      } finally {
        this.emit();
      }
    });
    this.busy = next.then(() => undefined, () => undefined);
    return next;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
