/** The size in bytes of a base64 payload, without decoding it. */
export function base64Size(contentBase64: string): number {
  const padding = contentBase64.endsWith('==') ? 2 : contentBase64.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((contentBase64.length * 3) / 4) - padding)
}
