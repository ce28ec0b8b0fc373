import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shell/LanguageSwitch';

/** The frame of the screens before the application: setup, login, recovery. */
export function AuthLayout({ title, width = 420, testId, children }: { title: string; width?: number; testId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack gap="md" w={width} maw="100%">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size="lg" radius="md" variant="filled">
              <IconShieldCheck size={20} />
            </ThemeIcon>
            <div>
              <Text fw={700} size="lg" lh={1.2}>
                {t('ui.appName')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('ui.appSubtitle')}
              </Text>
            </div>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" data-testid={testId}>
          <Stack gap="md">
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
