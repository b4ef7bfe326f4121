/**
 * «Importar avance (CSV)»: milestone progress from a spreadsheet, applied
 * only when every row is valid and something changes. The commitments'
 * open-data CSV is itself a valid input, so a round trip reports «Sin
 * cambios». The shell (common/csv-import-modal) reads, checks and reports;
 * this describes the columns the core reads and its limits (domain/csv-columns)
 * and the texts.
 */
import { useTranslation } from 'react-i18next'
import { PROGRESS_CSV_COLUMNS, PROGRESS_CSV_MAX_BYTES, PROGRESS_CSV_MAX_ROWS, PROGRESS_CSV_REQUIRED } from '../../../main/core/domain/csv-columns'
import { useImportProgressCsv } from '../api/plan-editor'
import { CsvImportModal } from '../common/csv-import-modal'

export function ProgressImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const importCsv = useImportProgressCsv()
  return (
    <CsvImportModal
      opened={opened}
      onClose={onClose}
      title={t('plan.import.title')}
      intro={t('plan.import.intro')}
      columns={{
        title: t('plan.import.columnsTitle'),
        columns: PROGRESS_CSV_COLUMNS.map((name) => ({ name, description: t(`plan.import.columns.${name}`), required: PROGRESS_CSV_REQUIRED.includes(name) })),
        note: t('plan.import.otherColumns'),
      }}
      limits={{ maxRows: PROGRESS_CSV_MAX_ROWS, maxBytes: PROGRESS_CSV_MAX_BYTES }}
      run={(file, apply) => importCsv.mutateAsync({ ...file, apply })}
      rowName={t('plan.import.milestone')}
      invalidTitle={t('plan.import.invalidTitle')}
      verdict={(report, validRows) =>
        report.changes === 0
          ? { title: t('plan.import.noChangesTitle'), text: t('plan.import.noChangesText'), role: 'status' }
          : {
              title: t('plan.import.validTitle'),
              text: (
                <>
                  {t('csvImport.validText', { count: validRows })} {t('plan.import.changes', { count: report.changes })}
                </>
              ),
              role: 'status',
            }
      }
      applyLabel={(report) => (report.changes > 0 ? t('plan.import.apply', { count: report.changes }) : null)}
      appliedMessage={(done) => (done.applied ? t('plan.import.done', { count: done.changes }) : null)}
    />
  )
}
