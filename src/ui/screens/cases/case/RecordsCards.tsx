import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { CaseDetail } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import { useCan } from '../../../session/use-session';
import { caseLabel } from '../shared/labels';
import type { useCaseMutation } from './use-case-mutation';

/** 一案双报告: each report to the party committee and to the commission above, acknowledged when sent. */
export function ReportsCard({ detail, mutate }: { detail: CaseDetail; mutate: ReturnType<typeof useCaseMutation> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [busy, setBusy] = useState<string | null>(null);
  if (detail.reports.length === 0) return null;
  async function acknowledge(reportId: string) {
    setBusy(reportId);
    await mutate(() => call(api.cases.acknowledgeReport, { caseId: detail.id, reportId }), t('ui.cases.reports.acknowledged'), { notify: true });
    setBusy(null);
  }
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        {t('ui.cases.reports.title')}
      </Text>
      <Table verticalSpacing={6} data-testid="case-reports">
        <Table.Tbody>
          {detail.reports.map((report) => (
            <Table.Tr key={report.id} data-testid="case-report">
              <Table.Td>{caseLabel(t, 'reportKind', report.kind)}</Table.Td>
              <Table.Td>{caseLabel(t, 'reportRecipient', report.recipient)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{report.createdDate}</Table.Td>
              <Table.Td>
                {report.acknowledgedDate ? (
                  <Text size="sm" c="green" style={{ whiteSpace: 'nowrap' }}>
                    {t('ui.cases.reports.acknowledgedOn', { date: report.acknowledgedDate })}
                  </Text>
                ) : can('cases.handle') ? (
                  <Button size="xs" variant="light" loading={busy === report.id} onClick={() => void acknowledge(report.id)} data-testid="report-acknowledge">
                    {t('ui.cases.reports.acknowledge')}
                  </Button>
                ) : (
                  <Badge color="gray" variant="outline">
                    {t('ui.cases.reports.pending')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The sanctions decided; one changed on appeal stays, struck through. */
export function SanctionsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.sanctions.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        {t('ui.cases.sanctions.title')}
      </Text>
      <Table verticalSpacing={6} data-testid="case-sanctions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.cases.sanctions.subject')}</Table.Th>
            <Table.Th>{t('ui.cases.sanctions.kind')}</Table.Th>
            <Table.Th>{t('ui.cases.sanctions.decided')}</Table.Th>
            <Table.Th>{t('ui.cases.sanctions.until')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.sanctions.map((s) => (
            <Table.Tr key={s.id} data-testid="case-sanction" data-kind={s.kind} style={s.superseded ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
              <Table.Td>{s.subjectName}</Table.Td>
              <Table.Td>{caseLabel(t, 'sanction', s.kind)}</Table.Td>
              <Table.Td>{s.decidedDate}</Table.Td>
              <Table.Td>{s.effectiveUntil ?? t('ui.common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
