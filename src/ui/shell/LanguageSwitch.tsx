import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n';
import { currentLanguage, setLanguage } from '../i18n';

export function LanguageSwitch() {
  // useTranslation re-renders this component when the language changes
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('ui.language.label')}
      value={currentLanguage()}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'zh-CN', label: t('ui.language.zh') },
        { value: 'en', label: t('ui.language.en') },
      ]}
    />
  );
}
