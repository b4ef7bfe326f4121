/**
 * "Importar CSV": members from a spreadsheet, imported only when every row is
 * valid. The shell (common/csv-import-modal) reads, checks and reports; this
 * describes the columns the core reads and its limits (domain/csv-columns),
 * offers the core's template (the header and an example row), asks what
 * becomes of people already in the registry (left out unless the secretary
 * chooses otherwise), and the texts.
 */
import { Code, Radio, Stack } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  EXISTING_MEMBER_CHOICES,
  MEMBER_CSV_COLUMNS,
  MEMBER_CSV_HEADER,
  MEMBER_CSV_MAX_BYTES,
  MEMBER_CSV_MAX_ROWS,
  MEMBER_CSV_REQUIRED,
  type ExistingMemberChoice,
} from '../../../main/core/domain/csv-columns'
import { useImportMembersCsv } from '../api/members'
import { CsvImportModal } from '../common/csv-import-modal'
import { MemberTemplateButton } from './member-template-button'

export function MembersImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const importCsv = useImportMembersCsv()
  return (
    <CsvImportModal<NonNullable<typeof importCsv.data>, ExistingMemberChoice>
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
      limits={{ maxRows: MEMBER_CSV_MAX_ROWS, maxBytes: MEMBER_CSV_MAX_BYTES }}
      actions={<MemberTemplateButton variant="subtle" label={t('members.import.template')} icon={<IconDownload size={18} aria-hidden />} />}
      run={(file, apply, existing) => importCsv.mutateAsync({ ...file, apply, existing })}
      option={{
        initial: 'omitir',
        render: ({ report, value, onChange, disabled }) =>
          report.matches > 0 ? (
            <Radio.Group
              label={t('members.import.existing.label', { count: report.matches })}
              description={t('members.import.existing.description')}
              value={value}
              onChange={(chosen) => {
                const choice = EXISTING_MEMBER_CHOICES.find((candidate) => candidate === chosen)
                if (choice) onChange(choice)
              }}
            >
              <Stack gap={6} mt={6}>
                {EXISTING_MEMBER_CHOICES.map((choice) => (
                  <Radio key={choice} value={choice} label={t(`members.import.existing.${choice}`)} disabled={disabled} />
                ))}
              </Stack>
            </Radio.Group>
          ) : null,
      }}
      rowName={t('members.import.name')}
      invalidTitle={t('members.import.invalidTitle')}
      verdict={(report) =>
        report.toAdd === 0
          ? { title: t('members.import.nothingTitle'), text: t('members.import.nothingText', { count: report.toSkip }), role: 'status' }
          : {
              title: t('members.import.validTitle'),
              text: report.toSkip > 0 ? `${t('members.import.add', { count: report.toAdd })} ${t('members.import.skip', { count: report.toSkip })}` : t('members.import.add', { count: report.toAdd }),
              role: 'status',
            }
      }
      applyLabel={(report) => (report.toAdd > 0 ? t('members.import.apply', { count: report.toAdd }) : null)}
      appliedMessage={(done) =>
        done.imported > 0
          ? `${t('members.import.done', { count: done.imported })}${done.toSkip > 0 ? ` ${t('members.import.doneSkipped', { count: done.toSkip })}` : ''}`
          : null
      }
    />
  )
}
