import { Anchor, Badge, Checkbox, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Hit } from '../../../../shared/api/welfare';
import { routeHref } from '../../../routing';
import { formatConfidence, formatYuan } from '../shared/money';
import { welfareLabel } from '../shared/labels';
import { StatusBadge } from '../shared/StatusBadge';

interface Props {
  rows: Hit[];
  /** null: the user may not select (no welfare.analyse) */
  selected: Set<string> | null;
  onSelect: (ids: string[], checked: boolean) => void;
}

/** One page of hits; each row carries its identity in data attributes for the tests that read the board. */
export function HitTable({ rows, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  const allChecked = selected !== null && rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someChecked = selected !== null && rows.some((r) => selected.has(r.id));
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="hit-table">
        <Table.Thead>
          <Table.Tr>
            {selected && (
              <Table.Th w={36}>
                <Checkbox
                  size="xs"
                  aria-label={t('ui.welfare.hits.selectPage')}
                  checked={allChecked}
                  indeterminate={someChecked && !allChecked}
                  onChange={(e) => onSelect(rows.map((r) => r.id), e.currentTarget.checked)}
                  data-testid="hits-select-page"
                />
              </Table.Th>
            )}
            <Table.Th>{t('ui.welfare.hits.columns.rule')}</Table.Th>
            <Table.Th>{t('ui.welfare.hits.columns.name')}</Table.Th>
            <Table.Th>{t('ui.welfare.hits.columns.idNumber')}</Table.Th>
            <Table.Th>{t('ui.welfare.hits.columns.program')}</Table.Th>
            <Table.Th>{t('ui.welfare.hits.columns.period')}</Table.Th>
            <Table.Th ta="right">{t('ui.welfare.hits.columns.amount')}</Table.Th>
            <Table.Th>{t('ui.welfare.hits.columns.place')}</Table.Th>
            <Table.Th ta="right">{t('ui.welfare.hits.columns.confidence')}</Table.Th>
            <Table.Th>{t('ui.welfare.hits.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((hit) => (
            <Table.Tr
              key={hit.id}
              data-testid="hit-row"
              data-hit-id={hit.id}
              data-rule={hit.rule}
              data-id-number={hit.idNumber}
              data-program={hit.program}
              data-period={hit.period}
              data-status={hit.status}
              data-county={hit.county ?? ''}
              opacity={hit.current ? 1 : 0.6}
            >
              {selected && (
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={t('ui.welfare.hits.selectRow', { name: hit.name, rule: hit.rule, period: hit.period })}
                    checked={selected.has(hit.id)}
                    onChange={(e) => onSelect([hit.id], e.currentTarget.checked)}
                    data-testid="hit-select"
                  />
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={welfareLabel(t, 'rule', hit.rule)}>
                  <Badge variant="outline" color="gray" radius="sm">
                    {hit.rule}
                  </Badge>
                </Tooltip>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor href={routeHref({ name: 'welfareHit', id: hit.id })} size="sm" data-testid="hit-open">
                  {hit.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {hit.idNumber}
                </Text>
              </Table.Td>
              <Table.Td>{hit.program}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{hit.period}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatYuan(hit.amountFen)}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[hit.county ?? none, hit.township, hit.village].join(' / ')}</Text>
                {hit.assignedUnitName && (
                  <Text size="xs" c="dimmed">
                    {t('ui.welfare.hits.assignedTo', { unit: hit.assignedUnitName })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" c={hit.confidence < 1 ? 'orange' : undefined}>
                  {formatConfidence(hit.confidence)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={hit.status} />
                {!hit.current && (
                  <Text size="xs" c="dimmed">
                    {t('ui.welfare.hits.stale')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
