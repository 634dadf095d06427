// Bounded in-memory records (recent threads, seen events, answers awaiting "Share in channel"):
// the oldest entry goes when the limit is reached, so memory stays flat however long the bot runs.

export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Remove and return the entry: whoever takes it is the only one to get it. */
  take(key: K): V | undefined {
    const value = this.entries.get(key);
    this.entries.delete(key);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class BoundedSet<K> {
  private readonly map: BoundedMap<K, true>;

  constructor(limit: number) {
    this.map = new BoundedMap(limit);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Add `key`; true when it was not there before. */
  add(key: K): boolean {
    const fresh = !this.map.has(key);
    this.map.set(key, true);
    return fresh;
  }

  get size(): number {
    return this.map.size;
  }
}
