/**
 * A small seeded pseudo-random generator for the demo data. Math.random() is
 * off limits there: the same options must always give byte-identical data, on
 * every machine, so tests and screenshots can rely on it.
 */

/** mulberry32: 32-bit state, fast, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a, to turn a label into a seed for an independent stream. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export class Random {
  private readonly nextFloat: () => number

  constructor(readonly seed: number) {
    this.nextFloat = mulberry32(seed)
  }

  /**
   * An independent stream derived from this one's seed and a label (not from
   * its current state), so adding draws to one part of the generator does not
   * reshuffle every other part.
   */
  fork(label: string): Random {
    return new Random(hashString(`${this.seed}:${label}`))
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextFloat()
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.nextFloat() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() de una lista vacía')
    return items[Math.floor(this.nextFloat() * items.length)] as T
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.nextFloat() * total
    for (const [value, weight] of entries) {
      roll -= weight
      if (roll < 0) return value
    }
    const last = entries[entries.length - 1]
    if (!last) throw new RangeError('weighted() de una lista vacía')
    return last[0]
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice()
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1))
      const tmp = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = tmp
    }
    return copy
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count))
  }
}
