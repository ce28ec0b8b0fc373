/**
 * Hybrid logical clock: wall-clock milliseconds plus a counter, so that stamps made on one node
 * always increase even when its clock steps back, and stamps from different nodes order close
 * to real time. The string form sorts in clock order: `<ms, 15 digits>-<counter, 6 digits>-<node>`.
 */
export interface HlcStamp {
  millis: number;
  counter: number;
  nodeId: string;
}

export function formatHlc(stamp: HlcStamp): string {
  return `${String(stamp.millis).padStart(15, '0')}-${String(stamp.counter).padStart(6, '0')}-${stamp.nodeId}`;
}

export function parseHlc(text: string): HlcStamp {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(text);
  if (!match) throw new RangeError(`not an HLC stamp: ${text}`);
  return { millis: Number(match[1]), counter: Number(match[2]), nodeId: match[3]! };
}

export class HybridLogicalClock {
  private last: HlcStamp;

  constructor(
    private readonly nodeId: string,
    private readonly now: () => number = Date.now,
    lastSeen?: string,
  ) {
    this.last = lastSeen ? { ...parseHlc(lastSeen), nodeId } : { millis: 0, counter: 0, nodeId };
  }

  /** A stamp for a local event, later than every stamp this clock has made or seen. */
  tick(): string {
    const wall = this.now();
    this.last =
      wall > this.last.millis
        ? { millis: wall, counter: 0, nodeId: this.nodeId }
        : { millis: this.last.millis, counter: this.last.counter + 1, nodeId: this.nodeId };
    return formatHlc(this.last);
  }

  /** Folds in a stamp received from another node, so later local stamps sort after it. */
  receive(remote: string): void {
    const other = parseHlc(remote);
    const wall = this.now();
    const millis = Math.max(wall, this.last.millis, other.millis);
    let counter = 0;
    if (millis === this.last.millis && millis === other.millis) counter = Math.max(this.last.counter, other.counter) + 1;
    else if (millis === this.last.millis) counter = this.last.counter + 1;
    else if (millis === other.millis) counter = other.counter + 1;
    this.last = { millis, counter, nodeId: this.nodeId };
  }
}
