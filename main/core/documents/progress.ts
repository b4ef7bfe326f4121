/**
 * Progress of a long document, and pauses that let the event loop breathe:
 * generation runs in the main process, so the window stays responsive and
 * progress messages go out while a large acta is laid out.
 */
export type ProgressCallback = (fraction: number) => void

export class Progress {
  private done = 0
  private lastYield = performance.now()

  constructor(
    private readonly total: number,
    private readonly onProgress?: ProgressCallback,
  ) {
    onProgress?.(0)
  }

  /** Counts `units` of work; every ~20 ms reports the fraction and yields to the event loop. */
  async step(units = 1): Promise<void> {
    this.done += units
    const now = performance.now()
    if (now - this.lastYield < 20) return
    this.lastYield = now
    // Layout is most of the work; the last 10 % is writing the file (fonts, compression).
    this.onProgress?.(Math.min(0.9, (this.done / Math.max(1, this.total)) * 0.9))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }

  finish(): void {
    this.onProgress?.(1)
  }
}
