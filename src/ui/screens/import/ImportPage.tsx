import { Alert, Button, FileInput, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { WireError } from '../../../shared/api/errors';
import type { PeopleImportReport } from '../../../shared/api/registry';
import { errorMessage } from '../../../shared/i18n/translate';
import { call, on } from '../../bridge/client';
import { asWireError } from '../../errors';
import { onSessionEnd } from '../../session/session-store';
import { readAsBase64 } from './file-base64';
import { ImportReportView } from './ImportReportView';

type ImportState =
  | { step: 'idle' }
  | { step: 'running'; fileName: string; rows: number }
  | { step: 'done'; report: PeopleImportReport }
  | { step: 'failed'; fileName: string; error: WireError };

// The last outcome outlives the screen: a user who looks at the people list and comes back
// still finds the report of rows to fix.
let lastOutcome: ImportState = { step: 'idle' };
// … but not the user: the next one to log in starts afresh
onSessionEnd(() => {
  lastOutcome = { step: 'idle' };
});

export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [state, setStateRaw] = useState<ImportState>(lastOutcome);
  const setState = (next: ImportState | ((s: ImportState) => ImportState)) =>
    setStateRaw((prev) => {
      const value = typeof next === 'function' ? next(prev) : next;
      if (value.step !== 'running') lastOutcome = value;
      return value;
    });

  // the core reports progress every few hundred rows of a long file
  useEffect(
    () => on('import.progressed', ({ rows }) => setState((s) => (s.step === 'running' ? { ...s, rows } : s))),
    [],
  );

  async function run(chosen: File) {
    setState({ step: 'running', fileName: chosen.name, rows: 0 });
    try {
      const contentBase64 = await readAsBase64(chosen);
      const report = await call(api.people.import, { fileName: chosen.name, contentBase64 });
      setState({ step: 'done', report });
    } catch (error) {
      setState({ step: 'failed', fileName: chosen.name, error: asWireError(error) });
    }
  }

  const running = state.step === 'running';
  return (
    <Stack gap="md">
      <Title order={2}>{t('ui.peopleImport.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{t('ui.peopleImport.intro')}</Text>
          <Group align="flex-end">
            <FileInput
              w={420}
              label={t('ui.peopleImport.chooseFile')}
              placeholder={t('ui.peopleImport.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={18} />}
              value={file}
              onChange={setFile}
              clearable
              disabled={running}
              data-testid="import-file"
            />
            <Button leftSection={<IconUpload size={18} />} disabled={!file} loading={running} onClick={() => file && void run(file)}>
              {t('ui.peopleImport.start')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {state.step === 'running' && (
        <Paper withBorder p="md" role="status" aria-live="polite" data-testid="import-running">
          <Group gap="sm">
            <Loader size="sm" />
            <Text>{t('ui.peopleImport.running', { fileName: state.fileName })}</Text>
            {state.rows > 0 && (
              <Text c="dimmed" size="sm">
                {t('ui.peopleImport.progress', { rows: state.rows })}
              </Text>
            )}
          </Group>
        </Paper>
      )}
      {state.step === 'failed' && (
        <Alert color="red" icon={<IconAlertCircle />} title={t('ui.peopleImport.failedTitle')} role="alert" data-testid="import-error">
          {errorMessage(t, state.error)}
        </Alert>
      )}
      {state.step === 'done' && <ImportReportView report={state.report} />}
    </Stack>
  );
}
