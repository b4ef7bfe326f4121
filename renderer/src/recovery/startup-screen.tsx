/**
 * The frame of the screens shown instead of the app while the data file
 * cannot be used (recovery, locked by another program): a heading with its
 * icon and a line of explanation, the content, and what belongs outside the
 * page flow (a confirmation dialog).
 */
import { Box, Code, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface Props {
  icon: ReactNode
  title: string
  intro: string
  children: ReactNode
  /** After the page, e.g. its confirmation dialog. */
  overlay?: ReactNode
}

export function StartupScreen({ icon, title, intro, children, overlay }: Props) {
  return (
    <Box mih="100dvh" py={48} bg="gray.0">
      <Container size="md">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap">
            <ThemeIcon size={52} radius="xl" variant="light" color="orange">
              {icon}
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={1}>{title}</Title>
              <Text c="dimmed">{intro}</Text>
            </Stack>
          </Group>
          {children}
        </Stack>
      </Container>
      {overlay}
    </Box>
  )
}

/** A file path under its label, broken anywhere so a long path never widens the page. */
export function LabelledPath({ label, path }: { label: string; path: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block className="break-anywhere">
        {path}
      </Code>
    </div>
  )
}
