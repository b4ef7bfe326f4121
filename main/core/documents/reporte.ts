/**
 * Reporte de avance del Plan de Acción Local: the plan's period, key figures,
 * progress per pillar and per commitment as vector charts, each commitment
 * (grouped by its main pillar) with its milestones, and the overdue
 * agreements. Progress and states come from the domain rules, as in the app.
 */
import { AppError } from '../errors'
import { longSpanishDate, mexicoDate, spanishDate } from '../domain/dates'
import { agreementState, commitmentProgress, planInForce, completionLevel, isMilestoneOverdue, type CompletionLevel } from '../domain/progress'
import { sessionKey, sessionTitle } from '../domain/session-title'
import { PILLARS, type Commitment, type Data, type Plan } from '../model/schema'
import { authorOf, drawTitleBlock, frameFor } from './common'
import { barChartHeight, describeBars, drawBarChart, drawKeyFigures, drawLegend, drawMiniBar, KEY_FIGURES_HEIGHT, LEGEND_HEIGHT, type Bar } from './charts'
import { COLORS, Layout, STYLES } from './layout'
import { collectBytes, createArchivalDocument, type RenderOptions } from './pdf-document'
import { Progress } from './progress'
import type { Run } from './text-wrap'
import { COMPLETION_LABELS, MILESTONE_STATUS_LABELS, PILLAR_LABELS, plural, responsibleWording, shortDate } from './wording'

export interface ReportOptions extends RenderOptions {
  /** The plan to report on; by default the one whose period covers `now`, or the latest. */
  planId?: string
}

/** The plan a report is about; refuses when there is none (or it has no commitments). */
export function planForReport(data: Data, today: string, planId?: string): Plan {
  if (planId !== undefined) {
    const plan = data.plans.find((candidate) => candidate.id === planId)
    if (!plan) throw new AppError('NO_ENCONTRADO', `No existe el plan «${planId}».`)
    return withCommitments(data, plan)
  }
  if (data.plans.length === 0) throw new AppError('SIN_DATOS', 'No hay un Plan de Acción Local registrado: no hay avance que reportar.')
  const plan = planInForce(data.plans, today)
  if (!plan) throw new AppError('SIN_DATOS', 'No hay un Plan de Acción Local registrado: no hay avance que reportar.')
  return withCommitments(data, plan)
}

function withCommitments(data: Data, plan: Plan): Plan {
  if (!data.commitments.some((commitment) => commitment.planId === plan.id)) {
    throw new AppError('SIN_DATOS', `El ${plan.name} no tiene compromisos registrados: no hay avance que reportar.`)
  }
  return plan
}

interface CommitmentFacts {
  commitment: Commitment
  progress: number
  level: CompletionLevel
}

/** The progress report at `now` (Guadalajara's date decides what is overdue) as PDF/A-2b bytes. */
export async function renderReporte(data: Data, now: Date, options: ReportOptions = {}): Promise<Buffer> {
  const today = mexicoDate(now)
  const plan = planForReport(data, today, options.planId)
  const facts: CommitmentFacts[] = data.commitments
    .filter((commitment) => commitment.planId === plan.id)
    .sort((a, b) => a.number - b.number)
    .map((commitment) => {
      const progress = commitmentProgress(commitment.milestones)
      return { commitment, progress, level: completionLevel(progress) }
    })
  const members = new Map(data.members.map((member) => [member.id, member]))
  const sessions = new Map(data.sessions.map((session) => [session.id, session]))
  const overdue = data.agreements
    .filter((agreement) => agreementState(agreement, today) === 'vencido')
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.key.localeCompare(b.key))
  const milestones = facts.flatMap((fact) => fact.commitment.milestones)
  const overdueMilestones = milestones.filter((milestone) => isMilestoneOverdue(milestone, today))
  const overall = facts.length > 0 ? Math.round(facts.reduce((sum, fact) => sum + fact.progress, 0) / facts.length) : 0
  const progress = new Progress(facts.length * 2 + overdue.length + 4, options.onProgress)
  const period = `${plan.startYear}–${plan.endYear}`

  const archival = createArchivalDocument(
    {
      title: `Reporte de avance del ${plan.name}`,
      author: authorOf(data.settings),
      subject: `Avance de los compromisos del Plan de Acción Local ${period} de ${data.settings.organization}, con corte al ${longSpanishDate(today)}.`,
      keywords: `Plan de Acción Local, ${plan.name}, avance, compromisos, hitos, acuerdos vencidos`,
    },
    { ...options, now: options.now ?? now },
  )
  const { doc } = archival
  const bytes = collectBytes(doc)
  const layout = new Layout(archival)

  drawTitleBlock(layout, 'Reporte de avance del Plan de Acción Local', `${plan.name} · ${data.settings.bodyName} de ${data.settings.organization}`, `Corte al ${longSpanishDate(today)}`)

  // Summary.
  layout.heading('Resumen', 1)
  const completed = milestones.filter((milestone) => milestone.status === 'completado').length
  layout.figure(
    `Avance general ${overall}%; ${facts.length} compromisos; ${completed} de ${milestones.length} hitos completados; ${overdue.length} acuerdos vencidos.`,
    KEY_FIGURES_HEIGHT,
    (top) =>
      drawKeyFigures(
        layout,
        [
          { value: `${overall}%`, label: 'Avance general del plan' },
          { value: String(facts.length), label: 'Compromisos' },
          { value: `${completed} de ${milestones.length}`, label: 'Hitos completados' },
          { value: String(overdue.length), label: 'Acuerdos vencidos' },
        ],
        top,
      ),
  )
  const levels = (Object.keys(COMPLETION_LABELS) as CompletionLevel[])
    .map((level) => ({ level, count: facts.filter((fact) => fact.level === level).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${COMPLETION_LABELS[entry.level].toLowerCase()}`)
  layout.paragraph(
    `El ${plan.name} comprende ${plural(facts.length, 'compromiso', 'compromisos')} con ${plural(milestones.length, 'hito', 'hitos')}. ` +
      `Al ${longSpanishDate(today)}, el avance general es de ${overall}% (promedio del avance de los compromisos, calculado a partir del peso de sus hitos). ` +
      `Por nivel de cumplimiento: ${levels.join(', ')}. ` +
      (overdueMilestones.length > 0
        ? `${plural(overdueMilestones.length, 'hito se encuentra vencido', 'hitos se encuentran vencidos')} y `
        : 'Ningún hito se encuentra vencido y ') +
      (overdue.length > 0 ? `${plural(overdue.length, 'acuerdo del Secretariado está vencido', 'acuerdos del Secretariado están vencidos')}.` : 'no hay acuerdos vencidos.'),
    { align: 'justify' },
  )
  await progress.step(2)

  // Charts.
  const pillarBars: Bar[] = PILLARS.map((pillar) => {
    const related = facts.filter((fact) => fact.commitment.pillars.includes(pillar))
    const value = related.length > 0 ? Math.round(related.reduce((sum, fact) => sum + fact.progress, 0) / related.length) : 0
    return { label: `${PILLAR_LABELS[pillar]} (${plural(related.length, 'compromiso', 'compromisos')})`, value, level: completionLevel(value) }
  })
  layout.heading('Avance por pilar', 1, { keepWithNext: barChartHeight(layout, pillarBars) + LEGEND_HEIGHT })
  layout.figure(`Avance por pilar: ${describeBars(pillarBars)}.`, barChartHeight(layout, pillarBars), (top) => drawBarChart(layout, pillarBars, top), 2)
  layout.figure('Leyenda: niveles de cumplimiento, de más claro (limitado) a más oscuro (completo).', LEGEND_HEIGHT, (top) => drawLegend(layout, top))
  layout.paragraph('El avance de un pilar es el promedio del avance de los compromisos que lo incluyen; un compromiso puede contribuir a varios pilares.', {
    style: STYLES.small,
  })

  const commitmentBars: Bar[] = facts.map((fact) => ({ label: `${fact.commitment.number}. ${fact.commitment.title}`, value: fact.progress, level: fact.level }))
  layout.heading('Avance por compromiso', 1, { keepWithNext: Math.min(barChartHeight(layout, commitmentBars) + LEGEND_HEIGHT, 400) })
  drawChartInPages(layout, commitmentBars)
  layout.figure('Leyenda: niveles de cumplimiento, de más claro (limitado) a más oscuro (completo).', LEGEND_HEIGHT, (top) => drawLegend(layout, top))
  await progress.step(2)

  // Commitments by main pillar.
  const agreementsByCommitment = new Map<string, string[]>()
  for (const agreement of data.agreements) {
    if (agreement.commitmentId) agreementsByCommitment.set(agreement.commitmentId, [...(agreementsByCommitment.get(agreement.commitmentId) ?? []), agreement.key])
  }
  for (const pillar of PILLARS) {
    const main = facts.filter((fact) => fact.commitment.pillars[0] === pillar)
    const also = facts.filter((fact) => fact.commitment.pillars.slice(1).includes(pillar))
    if (main.length === 0 && also.length === 0) continue
    layout.heading(`Pilar: ${PILLAR_LABELS[pillar]}`, 1)
    if (also.length > 0) {
      layout.paragraph(`También contribuyen a este pilar: ${also.map((fact) => `Compromiso ${fact.commitment.number}`).join(', ')}.`, {
        style: STYLES.small,
        gapAfter: 4,
        keepWithNext: true,
      })
    }
    if (main.length === 0) layout.paragraph('Ningún compromiso tiene este pilar como eje principal.', { style: STYLES.italic })
    for (const fact of main) {
      drawCommitment(layout, fact, today, agreementsByCommitment.get(fact.commitment.id) ?? [])
      await progress.step(2)
    }
  }

  // Overdue agreements.
  layout.heading('Acuerdos vencidos', 1)
  if (overdue.length === 0) {
    layout.paragraph(`Al ${longSpanishDate(today)} no hay acuerdos vencidos.`)
  } else {
    layout.paragraph(
      `Acuerdos pendientes o en proceso cuya fecha compromiso ya pasó, al ${longSpanishDate(today)}, ordenados del más antiguo al más reciente.`,
      { gapAfter: 6, keepWithNext: true },
    )
    layout.table({
      columns: [
        { header: 'Clave', weight: 19, font: 'condensedBold' },
        { header: 'Acuerdo', weight: 40 },
        { header: 'Responsables', weight: 20 },
        { header: 'Fecha límite', weight: 12 },
        { header: 'Días de atraso', weight: 9, align: 'right' },
      ],
      rows: overdue.map((agreement) => {
        const session = sessions.get(agreement.sessionId)
        const origin: Run[] = [{ text: agreement.text }]
        if (session) origin.push({ text: `\n${sessionTitle(session)} (${sessionKey(data.settings.keyPrefix, session)})`, color: COLORS.muted })
        return [
          agreement.key,
          origin,
          responsibleWording(agreement.responsibleMemberIds, agreement.responsibleInstitutions, members),
          agreement.dueDate ? shortDate(agreement.dueDate) : '',
          agreement.dueDate ? String(daysBetween(agreement.dueDate, today)) : '',
        ]
      }),
      zebra: true,
    })
  }
  await progress.step(overdue.length)

  layout.stampPages(frameFor(data.settings, `Reporte de avance · ${plan.name}`, `${plan.name} · Corte al ${spanishDate(today)}`))
  layout.finish()
  doc.end()
  const result = await bytes
  progress.finish()
  return result
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000)
}

/** A long bar chart is cut into page-sized figures, each with its own scale. */
function drawChartInPages(layout: Layout, bars: readonly Bar[]): void {
  let start = 0
  while (start < bars.length) {
    let count = bars.length - start
    while (count > 1 && barChartHeight(layout, bars.slice(start, start + count)) > layout.remaining) count--
    if (count < bars.length - start && count < 3 && !layout.atTop) {
      layout.newPage()
      continue
    }
    const slice = bars.slice(start, start + count)
    layout.figure(`Avance por compromiso: ${describeBars(slice)}.`, barChartHeight(layout, slice), (top) => drawBarChart(layout, slice, top), 2)
    start += count
  }
}

function drawCommitment(layout: Layout, fact: CommitmentFacts, today: string, agreementKeys: readonly string[]): void {
  const { commitment } = fact
  layout.heading(`Compromiso ${commitment.number}. ${commitment.title}`, 2, { keepWithNext: 60 })
  const facts = [
    `Institución responsable: ${commitment.leadInstitution}`,
    commitment.coLeadInstitution ? `Corresponsable de sociedad civil: ${commitment.coLeadInstitution}` : '',
    `Vigencia: del ${spanishDate(commitment.startDate)} al ${spanishDate(commitment.endDate)}`,
    `Pilares: ${commitment.pillars.map((pillar) => PILLAR_LABELS[pillar]).join('; ')}`,
  ].filter(Boolean)
  layout.paragraph(facts.join('\n'), { style: { ...STYLES.small, size: 8.5 }, gapAfter: 4 })
  layout.figure(`Avance del compromiso ${commitment.number}: ${fact.progress}%, nivel ${COMPLETION_LABELS[fact.level].toLowerCase()}.`, 14, (top) =>
    drawMiniBar(layout, top, fact.progress, fact.level),
  4)
  if (commitment.objective) layout.paragraph([{ text: 'Objetivo: ', font: 'bold' }, { text: commitment.objective }], { align: 'justify', gapAfter: 4 })
  if (commitment.expectedResult) layout.paragraph([{ text: 'Resultado esperado: ', font: 'bold' }, { text: commitment.expectedResult }], { align: 'justify', gapAfter: 6 })
  if (commitment.milestones.length === 0) {
    layout.paragraph('El compromiso aún no tiene hitos registrados.', { style: STYLES.italic })
  } else {
    layout.table({
      columns: [
        { header: 'Hito y entregable', weight: 52 },
        { header: 'Fecha compromiso', weight: 15 },
        { header: 'Estado', weight: 15 },
        { header: 'Avance', weight: 9, align: 'right' },
        { header: 'Peso', weight: 9, align: 'right' },
      ],
      rows: commitment.milestones.map((milestone) => {
        const late = isMilestoneOverdue(milestone, today)
        const title: Run[] = [{ text: milestone.title }]
        if (milestone.deliverable) title.push({ text: `\nEntregable: ${milestone.deliverable}`, color: COLORS.muted })
        const state: Run[] = [{ text: MILESTONE_STATUS_LABELS[milestone.status] }]
        if (late) state.push({ text: '\nVencido', font: 'condensedBold' })
        return [title, shortDate(milestone.dueDate), state, `${milestone.progress}%`, String(milestone.weight)]
      }),
      zebra: true,
      gapAfter: 4,
    })
  }
  if (agreementKeys.length > 0) {
    layout.paragraph(`Acuerdos del Secretariado vinculados: ${agreementKeys.join(', ')}.`, { style: STYLES.small, gapAfter: 8 })
  } else layout.gap(8)
}
