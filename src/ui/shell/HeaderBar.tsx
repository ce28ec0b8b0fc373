import { Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncIndicator } from './SyncIndicator';
import { UserMenu } from './UserMenu';

export function HeaderBar() {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size="lg" radius="md" variant="filled">
          <IconShieldCheck size={20} />
        </ThemeIcon>
        <Title order={1} size="h3" data-testid="app-name">
          {t('ui.appName')}
        </Title>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t('ui.appSubtitle')}
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap">
        <SyncIndicator />
        <LanguageSwitch />
        <UserMenu />
      </Group>
    </Group>
  );
}
