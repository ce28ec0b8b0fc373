import { ActionIcon, Anchor, Button, Group, Paper, Popover, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconLinkOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { KinLink, PersonDetail } from '../../../shared/api/registry';
import { call } from '../../bridge/client';
import { enumLabel } from '../../components/enum-label';
import { notifyError, notifySuccess } from '../../errors';
import { routeHref } from '../../routing';
import { useCan } from '../../session/use-session';
import { AddKinModal } from './AddKinModal';

export function KinCard({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const writable = useCan()('registry.write');
  return (
    <Paper withBorder p="md" data-testid="kin-card">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('ui.person.kin.title')}
        </Title>
        {writable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('ui.person.kin.add')}
          </Button>
        )}
      </Group>
      {person.kin.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.person.kin.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="kin-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.person.kin.relation')}</Table.Th>
              <Table.Th>{t('ui.person.kin.relative')}</Table.Th>
              <Table.Th>{t('ui.person.idNumber')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.kin.map((link) => (
              <KinRow key={link.id} link={link} writable={writable} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddKinModal opened={adding} onClose={() => setAdding(false)} person={person} />
    </Paper>
  );
}

function KinRow({ link, writable }: { link: KinLink; writable: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function unlink() {
    setBusy(true);
    try {
      await call(api.people.unlinkKin, { linkId: link.id });
      notifySuccess(t('ui.person.kin.unlinked'));
      setConfirming(false);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Table.Tr data-testid="kin-row">
      <Table.Td>{enumLabel(t, 'relation', link.relation)}</Table.Td>
      <Table.Td>
        <Anchor href={routeHref({ name: 'person', id: link.relative.id })}>{link.relative.name}</Anchor>
      </Table.Td>
      <Table.Td>{link.relative.idNumber}</Table.Td>
      <Table.Td>
        {/* a removed link cannot be undone from here, so ask first */}
        {writable && (
          <Popover opened={confirming} onChange={setConfirming} withArrow position="left">
            <Popover.Target>
              <Tooltip label={t('ui.person.kin.remove')}>
                <ActionIcon variant="subtle" color="red" aria-label={t('ui.person.kin.remove')} onClick={() => setConfirming((o) => !o)}>
                  <IconLinkOff size={18} />
                </ActionIcon>
              </Tooltip>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <Text size="sm">{t('ui.person.kin.removeConfirm', { name: link.relative.name })}</Text>
                <Group justify="flex-end" gap="xs">
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    {t('ui.common.cancel')}
                  </Button>
                  <Button size="xs" color="red" loading={busy} onClick={() => void unlink()}>
                    {t('ui.person.kin.remove')}
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
