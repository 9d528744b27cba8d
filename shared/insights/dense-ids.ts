// Process: any (pure). People numbered 0, 1, 2… in the order first met, so graph work runs over typed arrays and
// number keys instead of id strings (centrality.ts, reach.ts).
export type DenseIds = {
  /** The person's number, given on first sight. */
  at(id: string): number;
  /** Who each number is. */
  readonly ids: string[];
  /** Each person's number, for those met so far. */
  readonly indexOf: ReadonlyMap<string, number>;
};

export function denseIds(): DenseIds {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  return {
    ids,
    indexOf,
    at(id) {
      let i = indexOf.get(id);
      if (i === undefined) {
        i = ids.length;
        indexOf.set(id, i);
        ids.push(id);
      }
      return i;
    },
  };
}
