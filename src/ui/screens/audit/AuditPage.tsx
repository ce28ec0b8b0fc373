import { Autocomplete, Button, Group, Pagination, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allProcedures, api } from '../../../shared/api';
import type { AuditVerification } from '../../../shared/api/auth';
import { call } from '../../bridge/client';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStatus';
import { downloadText } from '../../download';
import { useQuery } from '../../data/use-query';
import { notifyError, notifySuccess } from '../../errors';
import { useCan } from '../../session/use-session';
import { AuditTable } from './AuditTable';
import { VerifyResult } from './VerifyResult';

const PAGE_SIZE = 50;
/** Every procedure name, as suggestions: writes are audited, and so are some reads (a person's detail). */
const PROCEDURE_NAMES = allProcedures.map((p) => p.name).sort();

/**
 * The audit trail, newest first as the core lists it, filtered by who and what; the hash chain
 * checked on request; the whole trail exported as JSON lines for a check outside the program.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [actor, setActor] = useState('');
  const [procedure, setProcedure] = useState('');
  const [actorFilter] = useDebouncedValue(actor.trim(), 300);
  const [procedureFilter] = useDebouncedValue(procedure.trim(), 300);
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => setPage(1), [actorFilter, procedureFilter]);

  const list = useQuery(
    () =>
      call(api.audit.list, {
        actor: actorFilter || undefined,
        procedure: procedureFilter || undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [actorFilter, procedureFilter, page],
  );

  async function verify() {
    setVerifying(true);
    try {
      setVerification(await call(api.audit.verify, {}));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setVerifying(false);
    }
  }

  async function exportTrail() {
    setExporting(true);
    try {
      const result = await call(api.audit.export, {});
      downloadText(result.fileName, result.content, 'application/x-ndjson;charset=utf-8');
      notifySuccess(t('ui.audit.exported', { count: result.entries, fileName: result.fileName }));
      // the export is itself an audited write
      list.reload();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setExporting(false);
    }
  }

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  let body;
  if (list.error && !list.data) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <LoadingState />;
  else if (list.data.rows.length === 0) body = <EmptyState message={t('ui.audit.empty')} />;
  else
    body = (
      <Stack gap="sm">
        <AuditTable rows={list.data.rows} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="audit-total">
            {t('ui.common.pageOf', { page, pages, total: total.toLocaleString(i18n.language) })}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
        </Group>
      </Stack>
    );

  return (
    <Stack gap="md" data-testid="audit-page">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('ui.audit.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('ui.audit.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconShieldCheck size={18} />} loading={verifying} onClick={() => void verify()}>
            {t('ui.audit.verify')}
          </Button>
          {can('audit.export') && (
            <Button variant="default" leftSection={<IconDownload size={18} />} loading={exporting} onClick={() => void exportTrail()}>
              {t('ui.audit.export')}
            </Button>
          )}
        </Group>
      </Group>
      {verification && <VerifyResult result={verification} />}
      <Paper withBorder p="sm">
        <Group grow preventGrowOverflow={false} align="flex-end">
          <TextInput label={t('ui.audit.actorFilter')} placeholder={t('ui.audit.actorPlaceholder')} value={actor} onChange={(e) => setActor(e.currentTarget.value)} data-testid="audit-actor" />
          <Autocomplete
            label={t('ui.audit.procedureFilter')}
            placeholder={t('ui.audit.procedurePlaceholder')}
            data={PROCEDURE_NAMES}
            value={procedure}
            onChange={setProcedure}
            limit={50}
            comboboxProps={{ withinPortal: true }}
            data-testid="audit-procedure"
          />
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        {body}
      </Paper>
    </Stack>
  );
}
