import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createQueryClient } from '../api/query-client'
import { i18n } from '../i18n'
import { cssVariablesResolver, theme } from './theme'
import '../common/dates'

/** Calendars in Spanish, weeks starting on Monday, as in Mexico. */
const DATES = { locale: 'es-mx', firstDayOfWeek: 1 } as const

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatesProvider settings={DATES}>
          <Notifications position="top-right" limit={4} autoClose={5000} />
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </DatesProvider>
      </MantineProvider>
    </I18nextProvider>
  )
}
