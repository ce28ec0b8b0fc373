import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/api/registry';
import { enumLabel } from '../../components/enum-label';
import { routeHref } from '../../routing';

/**
 * One page of people; the name leads to the person's detail. `compact` drops gender and birth
 * date where the table shares the screen with the org tree (1366 px wide workstations).
 */
export function PeopleTable({ rows, compact = false }: { rows: Person[]; compact?: boolean }) {
  const { t } = useTranslation();
  const none = t('ui.common.none');
  return (
    <Table.ScrollContainer minWidth={compact ? 560 : 760}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="people-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.people.columns.name')}</Table.Th>
            {!compact && <Table.Th>{t('ui.people.columns.gender')}</Table.Th>}
            {!compact && <Table.Th>{t('ui.people.columns.birthDate')}</Table.Th>}
            <Table.Th>{t('ui.people.columns.unit')}</Table.Th>
            <Table.Th>{t('ui.people.columns.position')}</Table.Th>
            <Table.Th>{t('ui.people.columns.rank')}</Table.Th>
            <Table.Th>{t('ui.people.columns.category')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((person) => (
            <Table.Tr key={person.id} data-testid="person-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor href={routeHref({ name: 'person', id: person.id })} fw={500} size="sm">
                  {person.name}
                </Anchor>
              </Table.Td>
              {!compact && <Table.Td>{t(`ui.gender.${person.gender}`)}</Table.Td>}
              {!compact && <Table.Td>{person.birthDate}</Table.Td>}
              <Table.Td>{person.unitName ?? none}</Table.Td>
              <Table.Td>{person.position ?? none}</Table.Td>
              <Table.Td>{enumLabel(t, 'rank', person.rank)}</Table.Td>
              <Table.Td>{enumLabel(t, 'category', person.category)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
