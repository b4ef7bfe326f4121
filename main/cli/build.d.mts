/** Types of ./build.mjs (the command line's build, plain JavaScript so Node runs it without a compiler). */
export const CLI_ENTRY: string
export const CLI_OUTPUT: string
export const CLI_EXTERNAL: string[]
export function buildCli(outfile?: string): Promise<string>
export function ensureCli(outfile?: string): Promise<string>
