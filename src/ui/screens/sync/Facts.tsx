import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label and value pairs, one to a row: the cards of the sync screen. */
export function Facts({ rows }: { rows: { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th w={110} fw={500} c="dimmed" style={{ verticalAlign: 'top', background: 'transparent' }}>
              {row.label}
            </Table.Th>
            <Table.Td data-testid={row.testId} style={{ wordBreak: 'break-all' }}>
              {row.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A unit's name with its code beside it, dimmed: codes tell apart units that share a name. */
export function UnitName({ name, code }: { name: string | null; code: string }) {
  return (
    <Text size="sm" span>
      {name && `${name} `}
      <Text size="sm" c="dimmed" ff="monospace" span>
        {code}
      </Text>
    </Text>
  );
}
