/**
 * The item's remaining time, huge: the core's `remainingSeconds` as of its
 * `asOf`, counted down locally every second while the timer runs, so the
 * room sees it move between two reads. Red with «+MM:SS» once over time;
 * «En pausa» while the timer stands. A timer, not a live region: screen
 * readers read it when asked, not every second.
 */
import { Progress } from '@mantine/core'
import { IconPlayerPauseFilled, IconPlayerPlayFilled } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectorView } from '../../../main/core/contract/views'
import { formatClock, secondsSince } from './format'
import classes from './projector.module.css'

type Item = NonNullable<ProjectorView['item']>

/** Re-renders a few times a second while `active`, so the seconds turn over on time. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const tick = () => setNow(Date.now())
    tick()
    const id = setInterval(tick, 250)
    return () => clearInterval(id)
  }, [active])
  return now
}

export function Countdown({ item, asOf }: { item: Item & { remainingSeconds: number }; asOf: string }) {
  const { t } = useTranslation()
  const now = useNow(item.running)
  const since = item.running ? secondsSince(asOf, now) : 0
  const remaining = item.remainingSeconds - since
  const elapsed = item.elapsedSeconds + since
  const over = remaining < 0
  const face = formatClock(remaining)
  const planned = item.plannedMinutes * 60
  const share = planned > 0 ? Math.min(100, (elapsed / planned) * 100) : 0

  return (
    <section className={classes.clock} data-over={over || undefined} aria-label={t('projector.timer.region')}>
      <p className={classes.clockLabel}>{over ? t('projector.timer.over') : t('projector.timer.remaining')}</p>
      <span className={classes.digits} data-long={face.length > 6 || undefined} role="timer" aria-label={t(over ? 'projector.timer.overLabel' : 'projector.timer.label', { time: face })}>
        {face}
      </span>
      <p className={classes.clockState}>
        {item.running ? (
          <span className={classes.state}>
            <IconPlayerPlayFilled aria-hidden />
            {t('projector.timer.running')}
          </span>
        ) : (
          <span className={classes.state} data-paused>
            <IconPlayerPauseFilled aria-hidden />
            {t('projector.timer.paused')}
          </span>
        )}
        <span>{t('projector.timer.planned', { count: item.plannedMinutes })}</span>
      </p>
      <Progress value={share} size="lg" radius="xl" color={over ? '#ff8787' : '#6fd3df'} classNames={{ root: classes.track }} aria-hidden />
    </section>
  )
}
