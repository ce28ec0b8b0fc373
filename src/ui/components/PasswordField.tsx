import { Group, SimpleGrid, Stack, Text, type PasswordInputProps } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
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

export interface NewPasswordErrors {
  password?: string;
  confirm?: string;
}

/**
 * What can be judged before asking the core about a new password typed twice: that there is
 * one, and that the second typing agrees. The rules themselves are the core's to judge.
 */
export function checkNewPassword(t: TFunction, password: string, confirm: string): NewPasswordErrors {
  if (!password) return { password: t('ui.password.required') };
  if (confirm !== password) return { confirm: t('ui.password.mismatch') };
  return {};
}

interface FieldsProps {
  /** the new password's label; the confirmation is always "confirm" */
  label: string;
  password: string;
  confirm: string;
  errors: NewPasswordErrors;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  /** the account's username, for the rule that the password must not contain it */
  username: string;
  testId?: string;
  /** side by side in two columns rather than one under the other */
  columns?: boolean;
}

/** A new password with its rules, then the same password again to confirm it. */
export function NewPasswordFields({ label, password, confirm, errors, onPasswordChange, onConfirmChange, username, testId, columns = false }: FieldsProps) {
  const { t } = useTranslation();
  const fields = (
    <>
      <NewPasswordField label={label} required value={password} error={errors.password} onChange={onPasswordChange} username={username} testId={testId} />
      <PasswordInput
        label={t('ui.password.confirm')}
        required
        autoComplete="new-password"
        value={confirm}
        error={errors.confirm}
        onChange={(e) => onConfirmChange(e.currentTarget.value)}
        style={columns ? { alignSelf: 'flex-start' } : undefined}
      />
    </>
  );
  return columns ? <SimpleGrid cols={2}>{fields}</SimpleGrid> : fields;
}
