/**
 * The preview of the exact bytes that will be signed, drawn by pdf.js into
 * canvases: a scrollable column of pages, each rendered when it comes near
 * the view; «Página N de M» with previous/next, the first page and «Ir a la
 * página de firmas» (the last page, where the acta keeps its signature
 * fields); PageUp/PageDown/Home/End on the focused preview. Each drawn page
 * is an image named «Página N de M del acta». Nothing here reads the
 * document: it only shows it, and reports when it can be trusted as shown.
 */
import { Alert, Button, Center, Group, Loader, Progress, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconArrowBarToUp, IconChevronDown, IconChevronUp, IconSignature } from '@tabler/icons-react'
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { base64ToBytes, openPdf } from './pdf-loader'

/** What the preview can say about itself: the dialog signs only once it is `lista`. */
export type PreviewStatus = 'cargando' | 'lista' | 'error'

interface PdfPreviewProps {
  /** The PDF's bytes, base64. */
  contentBase64: string
  /** Names this document (its SHA-256): another value opens another document from scratch. */
  documentId: string
  /** Height of the scrollable area, as CSS. */
  height?: string
  /** Told whenever the preview's status changes, with the `documentId` it is about. */
  onStatus?: (status: PreviewStatus, documentId: string) => void
}

type Opened = { state: 'abriendo'; progress: number } | { state: 'abierto'; doc: PDFDocumentProxy; ratio: number } | { state: 'error' }

/** Space between pages and around them, in CSS pixels. */
const GAP = 12

export function PdfPreview(props: PdfPreviewProps) {
  // Each document starts with fresh state: nothing of the previous one is shown for the next.
  return <DocumentPreview key={props.documentId} {...props} />
}

function DocumentPreview({ contentBase64, documentId, height = 'max(320px, min(60vh, 900px))', onStatus }: PdfPreviewProps) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState<Opened>({ state: 'abriendo', progress: 0 })
  const [failedPages, setFailedPages] = useState<ReadonlySet<number>>(new Set())
  const [firstDrawn, setFirstDrawn] = useState(false)
  const [current, setCurrent] = useState(1)
  const [near, setNear] = useState<ReadonlySet<number>>(new Set([1]))
  const [width, setWidth] = useState(0)
  const scroller = useRef<HTMLDivElement>(null)
  const pages = useRef(new Map<number, HTMLDivElement>())
  const statusRef = useRef(onStatus)
  useEffect(() => {
    statusRef.current = onStatus
  })

  // Open the document, and close it when the preview goes away.
  useEffect(() => {
    let live = true
    let close: (() => Promise<void>) | null = null
    Promise.resolve()
      .then(() => openPdf(base64ToBytes(contentBase64), (progress) => {
        if (live) setOpened((previous) => (previous.state === 'abriendo' ? { state: 'abriendo', progress } : previous))
      }))
      .then(async (pdf) => {
        close = pdf.close
        if (!live) {
          await pdf.close()
          return
        }
        // Placeholders take the first page's proportions until each page is drawn with its own.
        const first = await pdf.doc.getPage(1)
        const viewport = first.getViewport({ scale: 1 })
        if (live) setOpened({ state: 'abierto', doc: pdf.doc, ratio: viewport.height / viewport.width })
      })
      .catch(() => {
        if (live) setOpened({ state: 'error' })
      })
    return () => {
      live = false
      void close?.().catch(() => undefined)
    }
  }, [contentBase64])

  const status: PreviewStatus = opened.state === 'error' || failedPages.size > 0 ? 'error' : opened.state === 'abierto' && firstDrawn ? 'lista' : 'cargando'
  useEffect(() => {
    statusRef.current?.(status, documentId)
  }, [status, documentId])

  // The width pages are drawn at follows the area's width.
  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const measure = () => {
      const next = Math.max(0, Math.floor(element.clientWidth - 2 * GAP))
      setWidth((previous) => (Math.abs(previous - next) > 2 ? next : previous))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [opened.state])

  const total = opened.state === 'abierto' ? opened.doc.numPages : 0

  // Pages are drawn as they come near the view, and kept.
  useEffect(() => {
    const root = scroller.current
    if (!root || total === 0) return
    const observer = new IntersectionObserver(
      (entries) => {
        const seen = entries.filter((entry) => entry.isIntersecting).map((entry) => Number((entry.target as HTMLElement).dataset.page))
        if (seen.length === 0) return
        setNear((previous) => (seen.every((page) => previous.has(page)) ? previous : new Set([...previous, ...seen])))
      },
      { root, rootMargin: '50% 0px' },
    )
    for (const element of pages.current.values()) observer.observe(element)
    return () => observer.disconnect()
  }, [total, width])

  /** The page at the top of the view (the last one once the end is reached). */
  const track = useCallback(() => {
    const root = scroller.current
    if (!root || total === 0) return
    if (root.scrollTop + root.clientHeight >= root.scrollHeight - 2) {
      setCurrent(total)
      return
    }
    const line = root.scrollTop + root.clientHeight * 0.35
    let found = 1
    for (let page = 1; page <= total; page++) {
      const element = pages.current.get(page)
      if (element && element.offsetTop <= line) found = page
    }
    setCurrent(found)
  }, [total])

  const goTo = useCallback(
    (page: number) => {
      const root = scroller.current
      if (!root || total === 0) return
      const target = Math.min(total, Math.max(1, page))
      const element = pages.current.get(target)
      if (!element) return
      root.scrollTop = element.offsetTop - GAP
      setNear((previous) => (previous.has(target) ? previous : new Set([...previous, target])))
      setCurrent(target)
    },
    [total],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, () => number> = {
      PageDown: () => current + 1,
      PageUp: () => current - 1,
      Home: () => 1,
      End: () => total,
    }
    const move = moves[event.key]
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    goTo(move())
  }

  const onDrawn = useCallback((page: number, ok: boolean) => {
    if (!ok) setFailedPages((previous) => new Set([...previous, page]))
    else if (page === 1) setFirstDrawn(true)
  }, [])

  if (opened.state === 'error') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('preview.errorTitle')} role="alert">
        {t('preview.error')}
      </Alert>
    )
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={4} wrap="nowrap">
          <Button variant="default" size="compact-sm" onClick={() => goTo(current - 1)} disabled={total === 0 || current <= 1} aria-label={t('preview.previous')}>
            <IconChevronUp size={16} aria-hidden />
          </Button>
          <Button variant="default" size="compact-sm" onClick={() => goTo(current + 1)} disabled={total === 0 || current >= total} aria-label={t('preview.next')}>
            <IconChevronDown size={16} aria-hidden />
          </Button>
          <Text size="sm" fw={600} ml={6} aria-live="polite" data-testid="pagina-actual">
            {total > 0 ? t('preview.pageOf', { page: current, total }) : t('preview.opening')}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowBarToUp size={16} aria-hidden />} onClick={() => goTo(1)} disabled={total === 0}>
            {t('preview.first')}
          </Button>
          <Button variant="light" size="compact-sm" leftSection={<IconSignature size={16} aria-hidden />} onClick={() => goTo(total)} disabled={total === 0}>
            {t('preview.signaturesPage')}
          </Button>
        </Group>
      </Group>
      <div
        ref={scroller}
        role="region"
        aria-label={t('preview.regionLabel')}
        aria-describedby="vista-previa-teclas"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={track}
        style={{
          position: 'relative',
          height,
          overflowY: 'auto',
          overflowX: 'hidden',
          padding: GAP,
          background: 'var(--mantine-color-gray-2)',
          borderRadius: 'var(--mantine-radius-md)',
          border: '1px solid var(--mantine-color-gray-4)',
        }}
      >
        {opened.state === 'abriendo' ? (
          <Center h="100%">
            <Stack gap="sm" align="center" w="min(320px, 80%)" role="status">
              <Loader size="md" />
              <Text size="sm">{t('preview.opening')}</Text>
              <Progress value={Math.round(opened.progress * 100)} w="100%" aria-label={t('preview.progress')} />
            </Stack>
          </Center>
        ) : (
          <Stack gap={GAP}>
            {Array.from({ length: total }, (_, index) => index + 1).map((page) => (
              <PdfPage
                key={page}
                doc={opened.doc}
                page={page}
                total={total}
                width={width}
                ratio={opened.ratio}
                draw={near.has(page) && width > 0}
                failed={failedPages.has(page)}
                onDrawn={onDrawn}
                register={(element) => {
                  if (element) pages.current.set(page, element)
                  else pages.current.delete(page)
                }}
              />
            ))}
          </Stack>
        )}
      </div>
      <Text size="xs" c="dimmed" id="vista-previa-teclas">
        {t('preview.keys')}
      </Text>
    </Stack>
  )
}

interface PdfPageProps {
  doc: PDFDocumentProxy
  page: number
  total: number
  width: number
  ratio: number
  draw: boolean
  failed: boolean
  onDrawn: (page: number, ok: boolean) => void
  register: (element: HTMLDivElement | null) => void
}

function PdfPage({ doc, page, total, width, ratio, draw, failed, onDrawn, register }: PdfPageProps) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  const [drawn, setDrawn] = useState(false)

  useEffect(() => {
    const target = canvas.current
    if (!draw || !target) return
    let live = true
    let task: RenderTask | null = null
    void (async () => {
      try {
        const proxy = await doc.getPage(page)
        if (!live) return
        const base = proxy.getViewport({ scale: 1 })
        const cssWidth = width
        const cssHeight = Math.round((width * base.height) / base.width)
        const pixels = window.devicePixelRatio || 1
        const viewport = proxy.getViewport({ scale: (cssWidth / base.width) * pixels })
        target.width = Math.floor(viewport.width)
        target.height = Math.floor(viewport.height)
        setSize({ width: cssWidth, height: cssHeight })
        const { AnnotationMode } = await import('pdfjs-dist')
        if (!live) return
        // ENABLE: every annotation's appearance (signature boxes included) is drawn into the canvas, as in a viewer.
        task = proxy.render({ canvas: target, viewport, annotationMode: AnnotationMode.ENABLE })
        await task.promise
        if (!live) return
        setDrawn(true)
        onDrawn(page, true)
      } catch (error) {
        if (!live || (error instanceof Error && error.name === 'RenderingCancelledException')) return
        onDrawn(page, false)
      }
    })()
    return () => {
      live = false
      task?.cancel()
    }
  }, [doc, page, width, draw, onDrawn])

  const cssWidth = size?.width ?? width
  const cssHeight = size?.height ?? Math.round(width * ratio)
  return (
    <div
      ref={register}
      data-page={page}
      style={{ position: 'relative', width: cssWidth || '100%', height: cssHeight || undefined, minHeight: 120, margin: '0 auto', background: 'white', boxShadow: '0 1px 4px rgba(0, 0, 0, 0.18)' }}
    >
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('preview.pageLabel', { page, total })}
        aria-hidden={drawn ? undefined : true}
        style={{ display: 'block', width: cssWidth, height: cssHeight }}
      />
      {drawn ? null : (
        <Center pos="absolute" inset={0}>
          {failed ? (
            <Text size="sm" c="red.8" fw={600}>
              {t('preview.pageFailed', { page })}
            </Text>
          ) : draw ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('preview.pageLoading', { page, total })}
              </Text>
            </Group>
          ) : (
            // Not near the view yet: drawn when it comes into view.
            <Text size="sm" c="dimmed">
              {t('preview.pageOf', { page, total })}
            </Text>
          )}
        </Center>
      )}
    </div>
  )
}
