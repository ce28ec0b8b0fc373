import { NumberInput, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { CalendarYear } from '../../../shared/api/cases';
import { call } from '../../bridge/client';
import { FormModal } from '../../components/FormModal';
import { describeError, notifySuccess } from '../../errors';
import { parseDates } from './parse-dates';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** a year to correct; null: a new year (the first one the calendar lacks) */
  year: CalendarYear | null;
  suggestedYear: number;
  onSaved: () => void;
}

/** A year of the holiday calendar: the holidays, and the weekend days worked in their place. */
export function YearModal({ opened, onClose, year, suggestedYear, onSaved }: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState<number>(suggestedYear);
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [errors, setErrors] = useState<{ year?: string; holidays?: string; workdays?: string }>({});

  useEffect(() => {
    if (!opened) return;
    setNumber(year?.year ?? suggestedYear);
    setHolidays(year?.holidays.join('\n') ?? '');
    setWorkdays(year?.workdays.join('\n') ?? '');
    setErrors({});
  }, [opened, year, suggestedYear]);

  const parsedHolidays = parseDates(holidays, number);
  const parsedWorkdays = parseDates(workdays, number);

  function check(): boolean {
    const found: typeof errors = {};
    if (!Number.isInteger(number) || number < 2000 || number > 2100) found.year = t('ui.settings.calendar.yearInvalid');
    if (parsedHolidays.invalid.length) found.holidays = t('ui.settings.calendar.invalidLines', { lines: parsedHolidays.invalid.join('、') });
    else if (parsedHolidays.dates.length === 0) found.holidays = t('ui.cases.action.required');
    if (parsedWorkdays.invalid.length) found.workdays = t('ui.settings.calendar.invalidLines', { lines: parsedWorkdays.invalid.join('、') });
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function submit() {
    try {
      await call(api.calendar.putYear, { year: number, holidays: parsedHolidays.dates, workdays: parsedWorkdays.dates });
      notifySuccess(t('ui.settings.calendar.saved', { year: number }));
      onSaved();
      onClose();
    } catch (error) {
      setErrors({ holidays: describeError(t, error) });
    }
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={year ? t('ui.settings.calendar.correctTitle', { year: year.year }) : t('ui.settings.calendar.addTitle')} size="lg" testId="year-form" validate={check} onSubmit={submit}>
      <NumberInput label={t('ui.settings.calendar.year')} required min={2000} max={2100} disabled={Boolean(year)} value={number} error={errors.year} onChange={(v) => setNumber(typeof v === 'number' ? v : Number(v))} data-testid="year-number" />
      <Text size="sm" c="dimmed">
        {t('ui.settings.calendar.pasteHint')}
      </Text>
      <Textarea
        label={t('ui.settings.calendar.holidays')}
        description={t('ui.settings.calendar.count', { count: parsedHolidays.dates.length })}
        required
        autosize
        minRows={6}
        maxRows={14}
        value={holidays}
        error={errors.holidays}
        onChange={(e) => setHolidays(e.currentTarget.value)}
        data-testid="year-holidays"
      />
      <Textarea
        label={t('ui.settings.calendar.workdays')}
        description={t('ui.settings.calendar.count', { count: parsedWorkdays.dates.length })}
        autosize
        minRows={3}
        maxRows={8}
        value={workdays}
        error={errors.workdays}
        onChange={(e) => setWorkdays(e.currentTarget.value)}
        data-testid="year-workdays"
      />
    </FormModal>
  );
}
