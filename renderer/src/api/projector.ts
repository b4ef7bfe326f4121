/**
 * The projector: its view of a session in course, read about once a second
 * so the room's screen follows the live minutes, and the two operations the
 * live minutes use to drive it (which item is open, open the window).
 */
import { useMutation, useQuery } from '@tanstack/react-query'
import { call } from './call'

/** How often the projector asks the core again: the countdown ticks locally in between. */
export const PROJECTOR_POLL_MS = 1000

export const projectorKey = (sessionId: string) => ['projector', sessionId] as const

/** What the room's screen shows; kept on screen while a read fails (the next one usually succeeds). */
export function useProjectorView(sessionId: string) {
  return useQuery({
    queryKey: projectorKey(sessionId),
    queryFn: () => call('projectorView', { sessionId }),
    refetchInterval: PROJECTOR_POLL_MS,
    // A projector never has the focus: it must keep following the minutes in the background.
    refetchIntervalInBackground: true,
    staleTime: 0,
  })
}

/** «Proyectar»: the core opens the projector's window, or says why not. */
export function useOpenProjector() {
  return useMutation({ mutationFn: (sessionId: string) => call('openProjector', { sessionId }) })
}

/** The live minutes tell the core which item is open and whether its timer runs. */
export function reportLiveItem(input: { sessionId: string; itemId: string; running: boolean; elapsedSeconds: number }): Promise<null> {
  return call('setLiveItem', input)
}
