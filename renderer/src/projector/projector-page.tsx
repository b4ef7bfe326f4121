/**
 * Modo proyección (#/proyeccion/:id): what the room's projector, or the
 * shared screen of a hybrid session, shows of a session in course. It
 * follows the live minutes through the core (projectorView, read about once
 * a second): the session's title, the item under discussion with its
 * presenter and remaining time, the quorum, the last agreement with its vote
 * and how far the agenda has gone. Never the notes; no shell, no controls.
 * Everything shown is the core's; the countdown between two reads is display.
 */
import { Loader, Progress, VisuallyHidden } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheckFilled, IconClockHour4, IconUser } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { ProjectorView } from '../../../main/core/contract/views'
import { ApiError, errorMessage } from '../api/api-error'
import { useProjectorView } from '../api/projector'
import { Countdown } from './countdown'
import classes from './projector.module.css'

/** Titles longer than this many characters take a smaller size, on up to four lines. */
const LONG_TITLE = 64

export function ProjectorPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const view = useProjectorView(id)

  if (view.isPending) {
    return (
      <Calm title={t('projector.connecting')} busy>
        <Loader color="#6fd3df" size="lg" mt="xl" aria-hidden />
      </Calm>
    )
  }
  if (view.isError && !view.data) {
    const notFound = view.error instanceof ApiError && view.error.code === 'NO_ENCONTRADO'
    return <Calm title={notFound ? t('projector.notFound') : t('projector.failed')} text={errorMessage(view.error, '')} />
  }
  const data = view.data
  if (data.status !== 'en-curso') {
    return (
      <Calm title={t('projector.notLive')} eyebrow={data.title} text={t('projector.notLiveText', { status: t(`enums.sessionStatus.${data.status}`).toLowerCase() })} />
    )
  }
  return <LiveView view={data} stale={view.isError} />
}

function LiveView({ view, stale }: { view: ProjectorView; stale: boolean }) {
  const { t } = useTranslation()
  const { item, quorum, lastAgreement, items } = view
  const timed = item !== null && item.remainingSeconds !== null
  const share = items.total > 0 ? (items.treated / items.total) * 100 : 0

  return (
    <div className={classes.root}>
      <header className={classes.header}>
        <div className={classes.headerText}>
          <p className={classes.eyebrow}>
            <span className={classes.liveDot} aria-hidden />
            {t('projector.live')}
          </p>
          <h1 className={classes.sessionTitle}>{view.title}</h1>
          {stale ? (
            <p className={classes.notice} role="status">
              {t('projector.reconnecting')}
            </p>
          ) : null}
        </div>
        <div className={classes.progress}>
          <p className={classes.progressText}>
            <strong>{items.treated}</strong> {t('projector.progressOf', { count: items.total })}
          </p>
          <Progress value={share} size="md" radius="xl" color="#6fd3df" classNames={{ root: classes.track }} aria-hidden />
        </div>
      </header>
      <main className={classes.main}>
        <div className={classes.stage} data-untimed={!timed || undefined}>
          <section className={classes.item} aria-labelledby="proyeccion-punto" aria-live="polite">
            {item ? (
              <>
                {item.number ? <p className={classes.itemNumber}>{t('projector.itemNumber', { number: item.number })}</p> : null}
                <h2 className={classes.itemTitle} id="proyeccion-punto" data-long={item.title.length > LONG_TITLE || undefined}>
                  {item.title}
                </h2>
                <p className={classes.presenter}>
                  <IconUser aria-hidden />
                  {item.presenter ? t('projector.presenter', { name: item.presenter }) : t('projector.noPresenter')}
                </p>
              </>
            ) : (
              <>
                <h2 className={classes.itemTitle} id="proyeccion-punto">
                  {t('projector.noItem')}
                </h2>
                <p className={classes.waiting}>{t('projector.noItemText')}</p>
              </>
            )}
          </section>
          {item && item.remainingSeconds !== null ? <Countdown key={item.id} item={{ ...item, remainingSeconds: item.remainingSeconds }} asOf={view.asOf} /> : null}
        </div>
        <div className={classes.facts}>
          <section className={classes.card} aria-labelledby="proyeccion-quorum">
            <h2 className={classes.cardTitle} id="proyeccion-quorum">
              {t('projector.quorum.title')}
            </h2>
            <p className={classes.quorumLine}>
              <strong>{quorum.present}</strong> {t('projector.quorum.of', { voting: quorum.votingMembers })}
              {/* On its own line on screen; read as one sentence. */}
              <VisuallyHidden> · </VisuallyHidden>
              <span className={classes.quorumRequired}>{t('projector.quorum.required', { count: quorum.required })}</span>
            </p>
            <QuorumState quorum={quorum} />
          </section>
          <section className={classes.card} aria-labelledby="proyeccion-acuerdo" aria-live="polite">
            <div className={classes.agreementHead}>
              <h2 className={classes.cardTitle} id="proyeccion-acuerdo">
                {t('projector.agreement.title')}
              </h2>
              {lastAgreement ? (
                <>
                  <span className={classes.agreementKey}>{lastAgreement.key}</span>
                  {lastAgreement.itemNumber ? <span className={classes.agreementItem}>{t('projector.agreement.onItem', { number: lastAgreement.itemNumber })}</span> : null}
                </>
              ) : null}
            </div>
            {lastAgreement ? (
              <>
                <p className={classes.agreementText}>{lastAgreement.text}</p>
                <p className={classes.agreementVote}>
                  <IconCircleCheckFilled aria-hidden />
                  {lastAgreement.vote}
                </p>
              </>
            ) : (
              <p className={classes.empty}>{t('projector.agreement.none')}</p>
            )}
          </section>
        </div>
      </main>
    </div>
  )
}

function QuorumState({ quorum }: { quorum: ProjectorView['quorum'] }) {
  const { t } = useTranslation()
  if (quorum.declared) {
    return (
      <p className={classes.quorumState}>
        <IconCircleCheckFilled aria-hidden />
        {t('projector.quorum.declared', { call: t(`projector.quorum.call.${quorum.call}`) })}
      </p>
    )
  }
  return (
    <p className={classes.quorumState} data-pending>
      {quorum.reached ? <IconClockHour4 aria-hidden /> : <IconAlertTriangle aria-hidden />}
      {quorum.reached ? t('projector.quorum.reachedNotDeclared') : t('projector.quorum.notDeclared')}
    </p>
  )
}

/** A calm full screen: connecting, not in course, not found. */
function Calm({ title, eyebrow, text, busy = false, children }: { title: string; eyebrow?: string; text?: string; busy?: boolean; children?: ReactNode }) {
  return (
    <main className={`${classes.root} ${classes.calm}`} aria-busy={busy || undefined}>
      <div className={classes.calmBox} role={busy ? 'status' : undefined}>
        {eyebrow ? <p className={`${classes.eyebrow} ${classes.calmEyebrow}`}>{eyebrow}</p> : null}
        <h1 className={classes.calmTitle}>{title}</h1>
        {text ? <p className={classes.calmText}>{text}</p> : null}
        {children}
      </div>
    </main>
  )
}
