// Process: any (pure). Hybrid logical clock stamps: which of two edits of one field came later, across devices.
//
// A stamp reads "<wall time>:<counter>:<device>", fixed-width base-36 numbers, so comparing two stamps as
// strings orders them: by wall time, then by a counter that keeps one device's stamps increasing when its clock
// stands still or steps back, then by device id so two devices never tie. A device that hears of a later stamp
// moves its clock past it, so its next edit is later still, unless that stamp lies further in the future than
// MAX_DRIFT_MS: then the clock stays put and the caller reports the other device's clock as wrong, instead of
// every device following one bad clock into the future.

export const MAX_DRIFT_MS = 5 * 60 * 1000;
const WALL_WIDTH = 10;
const COUNTER_WIDTH = 5;

export type Stamp = string;
export type Clock = { wall: number; counter: number };

export function formatStamp(clock: Clock, device: string): Stamp {
  return `${clock.wall.toString(36).padStart(WALL_WIDTH, '0')}:${clock.counter.toString(36).padStart(COUNTER_WIDTH, '0')}:${device}`;
}

export function parseStamp(stamp: Stamp): Clock | null {
  const [wall, counter] = stamp.split(':');
  if (!wall || !counter || wall.length !== WALL_WIDTH || counter.length !== COUNTER_WIDTH) return null;
  const w = parseInt(wall, 36);
  const c = parseInt(counter, 36);
  return Number.isFinite(w) && Number.isFinite(c) ? { wall: w, counter: c } : null;
}

/** The clock after a local event at wall time `now`. */
export function tick(last: Clock, now: number): Clock {
  return now > last.wall ? { wall: now, counter: 0 } : { wall: last.wall, counter: last.counter + 1 };
}

export class ClockDriftError extends Error {
  override name = 'ClockDriftError';
}

/** The clock after hearing of a remote stamp; throws ClockDriftError for one too far ahead of `now`. */
export function receive(last: Clock, remote: Stamp, now: number): Clock {
  const other = parseStamp(remote);
  if (!other) return last;
  if (other.wall > now + MAX_DRIFT_MS) {
    const minutes = Math.round((other.wall - now) / 60_000);
    throw new ClockDriftError(`An edit is stamped ${minutes} minutes in the future: a device's clock is wrong. Check the date and time settings of every device in the team.`);
  }
  if (other.wall > last.wall || (other.wall === last.wall && other.counter > last.counter)) return other;
  return last;
}

/** A clock that hands out increasing stamps for one device. */
export class HybridClock {
  private last: Clock = { wall: 0, counter: 0 };
  private readonly device: string;
  private readonly now: () => number;

  constructor(device: string, now: () => number = Date.now) {
    this.device = device;
    this.now = now;
  }

  stamp(): Stamp {
    this.last = tick(this.last, this.now());
    return formatStamp(this.last, this.device);
  }

  /** Takes in a stamp made elsewhere (see receive). */
  observe(remote: Stamp): void {
    this.last = receive(this.last, remote, this.now());
  }
}
