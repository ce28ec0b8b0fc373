import { Button, FileInput, Group, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { FINDINGS, type Finding, type HitDetail } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { notifyError, notifySuccess } from '../../../errors';
import { readAsBase64 } from '../../import/file-base64';
import { welfareLabel } from '../shared/labels';
import { checkFinding, initialFinding, recoverableToSend, type FindingErrors, type FindingProblem, type FindingValues } from './finding-form';

// literal keys, so that the translation check sees each of them
const PROBLEMS: Record<FindingProblem, string> = {
  findingRequired: 'ui.welfare.finding.problem.findingRequired',
  reasonRequired: 'ui.welfare.finding.problem.reasonRequired',
  amountInvalid: 'ui.welfare.finding.problem.amountInvalid',
  tooLarge: 'ui.welfare.finding.problem.tooLarge',
};

/** The county's finding on a hit, with its attachments; recorded again, it replaces the earlier one. */
export function FindingForm({ hit, onSaved }: { hit: HitDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FindingValues>(() => initialFinding(hit));
  const [errors, setErrors] = useState<FindingErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof FindingValues>(key: K, value: FindingValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const problem = (key: keyof FindingErrors) => {
    const found = errors[key];
    return found ? t(PROBLEMS[found]) : undefined;
  };

  async function save() {
    const found = checkFinding(values);
    setErrors(found);
    if (Object.keys(found).length > 0 || !values.finding) return;
    setSaving(true);
    try {
      const documents = await Promise.all(values.files.map(async (file) => ({ fileName: file.name, contentBase64: await readAsBase64(file) })));
      const recoverableFen = recoverableToSend(values, hit.recoverableFen);
      await call(api.welfare.recordFinding, {
        hitId: hit.id,
        finding: values.finding,
        ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        ...(recoverableFen !== undefined ? { recoverableFen } : {}),
        documents,
      });
      notifySuccess(t('ui.welfare.finding.saved'));
      setValues((v) => ({ ...v, files: [] }));
      onSaved();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="finding-form">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>{t('ui.welfare.finding.title')}</Text>
          <Radio.Group value={values.finding} onChange={(v) => set('finding', v as Finding)} error={problem('finding')} label={t('ui.welfare.finding.finding')} required>
            <Group gap="lg" mt={4}>
              {FINDINGS.map((finding) => (
                <Radio key={finding} value={finding} label={welfareLabel(t, 'finding', finding)} data-testid={`finding-${finding}`} />
              ))}
            </Group>
          </Radio.Group>
          {values.finding === 'confirmed' && (
            <TextInput
              maw={240}
              label={t('ui.welfare.finding.recoverable')}
              description={t('ui.welfare.finding.recoverableHint')}
              value={values.recoverable}
              onChange={(e) => set('recoverable', e.currentTarget.value)}
              error={problem('recoverable')}
              inputMode="decimal"
              data-testid="finding-recoverable"
            />
          )}
          <Textarea
            label={t('ui.welfare.finding.reason')}
            required={values.finding !== null && values.finding !== 'confirmed'}
            autosize
            minRows={2}
            maxLength={2000}
            value={values.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={problem('reason')}
            data-testid="finding-reason"
          />
          <FileInput
            multiple
            label={t('ui.welfare.finding.attachments')}
            placeholder={t('ui.welfare.finding.attachmentsPlaceholder')}
            leftSection={<IconPaperclip size={16} />}
            value={values.files}
            onChange={(files) => set('files', files)}
            error={problem('files')}
            clearable
            data-testid="finding-files"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving} data-testid="finding-save">
              {t('ui.welfare.finding.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
