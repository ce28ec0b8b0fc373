import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { caseLabel } from './labels';

/** The reason an officer gives for taking a step back (an undo, settling a conflict): required. */
export function ReasonField({ value, error, onChange, testId }: { value: string; error?: string; onChange: (value: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={caseLabel(t, 'field', 'reason')}
      required
      autosize
      minRows={2}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid={testId}
    />
  );
}
