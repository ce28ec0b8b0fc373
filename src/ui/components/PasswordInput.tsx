import { PasswordInput as MantinePasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's password input with its show/hide button named in the user's language. */
export function PasswordInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <MantinePasswordInput visibilityToggleButtonProps={{ 'aria-label': t('ui.password.toggle') }} {...props} />;
}
