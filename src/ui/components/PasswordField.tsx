import { Group, Stack, Text, type PasswordInputProps } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_PROBLEMS, passwordProblems } from '../../shared/password-rules';
import { PasswordInput } from './PasswordInput';

type Props = Omit<PasswordInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  /** the account's username, for the rule that the password must not contain it */
  username: string;
  testId?: string;
};

/**
 * A new password with the rules listed under it, ticked as they are met: the same rules the
 * core judges with (src/shared/password-rules). The list informs and does not block; the core's
 * PASSWORD_WEAK is shown as the field's error.
 */
export function NewPasswordField({ value, onChange, username, testId, ...props }: Props) {
  const { t } = useTranslation();
  const problems = passwordProblems(value, username);
  return (
    <Stack gap={4}>
      <PasswordInput autoComplete="new-password" value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testId} {...props} />
      <Stack gap={0} data-testid={testId ? `${testId}-rules` : undefined} aria-live="polite">
        {PASSWORD_PROBLEMS.map((rule) => {
          // an empty field meets nothing yet, not even "does not contain the username"
          const met = value !== '' && !problems.includes(rule);
          return (
            <Group key={rule} gap={4} wrap="nowrap" data-met={met}>
              {met ? <IconCheck size={14} color="var(--mantine-color-green-7)" /> : <IconPoint size={14} color="var(--mantine-color-gray-6)" />}
              <Text size="xs" c={met ? 'green.8' : 'dimmed'}>
                {t(rule)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
