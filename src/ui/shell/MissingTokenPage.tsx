import { Center, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Shown in a browser that came without the per-start token: nothing else could work. */
export function MissingTokenPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" maw={560} data-testid="missing-token">
        <Stack gap="md">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconKey size={28} />
          </ThemeIcon>
          <Title order={1} size="h3">
            {t('ui.token.title')}
          </Title>
          <Text>{t('ui.token.body')}</Text>
          <Code block>{t('ui.token.example')}</Code>
          <Text size="sm" c="dimmed">
            {t('ui.token.hint')}
          </Text>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
