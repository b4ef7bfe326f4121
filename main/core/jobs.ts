/**
 * Long work (PDF generation) runs as a job the renderer polls: the bridge stays
 * a set of request/response operations, and the window shows progress without
 * waiting on one long call.
 */
import { randomBytes } from 'node:crypto'
import { toErrorInfo, type ErrorInfo } from './errors'
import type { FileDownload, JobView } from './contract/views'

interface Job {
  id: string
  kind: JobView['kind']
  progress: number
  state: JobView['state']
  error: ErrorInfo | null
  file: FileDownload | null
  warnings: string[]
  finishedAt: number | null
}

/** Finished jobs are kept a while for the renderer to collect, then dropped. */
const KEEP_MS = 10 * 60 * 1000
const MAX_JOBS = 20

export class JobRegistry {
  private readonly jobs = new Map<string, Job>()

  start(kind: Job['kind'], work: (report: (fraction: number) => void, warn: (message: string) => void) => Promise<FileDownload>): string {
    this.prune()
    const job: Job = { id: `job-${randomBytes(6).toString('hex')}`, kind, progress: 0, state: 'en-curso', error: null, file: null, warnings: [], finishedAt: null }
    this.jobs.set(job.id, job)
    work(
      (fraction) => (job.progress = Math.max(job.progress, Math.min(1, fraction))),
      (message) => void job.warnings.push(message),
    ).then(
      (file) => Object.assign(job, { state: 'listo', progress: 1, file, finishedAt: Date.now() }),
      (error: unknown) => Object.assign(job, { state: 'error', error: toErrorInfo(error), finishedAt: Date.now() }),
    )
    return job.id
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id)
  }

  view(id: string): JobView | undefined {
    const job = this.jobs.get(id)
    return job && { id: job.id, kind: job.kind, state: job.state, progress: job.progress, error: job.error, file: job.file, warnings: [...job.warnings] }
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(id)
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = [...this.jobs.values()].find((job) => job.finishedAt !== null)
      if (!oldest) break
      this.jobs.delete(oldest.id)
    }
  }
}
