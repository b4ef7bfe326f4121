/**
 * "Importar CSV": members from a spreadsheet, imported only when every row is
 * valid. The shell (common/csv-import-modal) reads, checks and reports; this
 * describes the columns the core reads (domain/csv-columns) and the texts.
 */
import { Code } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { MEMBER_CSV_COLUMNS, MEMBER_CSV_HEADER, MEMBER_CSV_REQUIRED } from '../../../main/core/domain/csv-columns'
import { useImportMembersCsv } from '../api/members'
import { CsvImportModal } from '../common/csv-import-modal'

export function MembersImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const importCsv = useImportMembersCsv()
  return (
    <CsvImportModal
      opened={opened}
      onClose={onClose}
      title={t('members.import.title')}
      intro={t('members.import.intro')}
      columns={{
        title: t('members.import.columnsTitle'),
        columns: MEMBER_CSV_COLUMNS.map((name) => ({ name, description: t(`members.import.columns.${name}`), required: MEMBER_CSV_REQUIRED.includes(name) })),
        note: (
          <>
            {t('members.import.headerHint')} <Code>{MEMBER_CSV_HEADER}</Code>
          </>
        ),
        collapsible: true,
      }}
      run={importCsv.mutateAsync}
      rowName={t('members.import.name')}
      invalidTitle={t('members.import.invalidTitle')}
      verdict={(_report, validRows) => ({ title: t('members.import.validTitle'), text: t('csvImport.validText', { count: validRows }) })}
      applyLabel={(_report, validRows) => t('members.import.apply', { count: validRows })}
      appliedMessage={(done) => (done.imported > 0 ? t('members.import.done', { count: done.imported }) : null)}
    />
  )
}
