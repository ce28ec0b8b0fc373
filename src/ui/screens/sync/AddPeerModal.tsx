import { Alert, Button, Checkbox, FileButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconFileImport, IconPhone } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { UnitSelect } from '../../components/UnitSelect';
import { useUnits } from '../../data/units-context';
import { describeError, notifySuccess } from '../../errors';
import { Facts, UnitName } from './Facts';
import { Fingerprint } from './Fingerprint';
import { readIdentityText, type IdentityRead } from './fingerprint';
import { SUITE_LABEL } from './suite-label';

/**
 * A peer from its identity file: read here to show its unit and fingerprint, which the
 * administrator compares by phone with the peer's own screen before confirming; then the core
 * checks the file whole and adds it with the scope chosen.
 */
export function AddPeerModal({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { index } = useUnits();
  const [read, setRead] = useState<IdentityRead | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [scopeId, setScopeId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setRead(null);
    setConfirmed(false);
    setScopeId(null);
    setRefusal(null);
  }, [opened]);

  async function choose(file: File | null) {
    if (!file) return;
    setConfirmed(false);
    setRefusal(null);
    setRead(readIdentityText(await file.text()));
  }

  const scope = scopeId ? index.byId.get(scopeId) : undefined;
  async function add() {
    if (!read?.ok || !scope || !confirmed) return;
    setSaving(true);
    setRefusal(null);
    try {
      const peer = await call(api.sync.addPeer, { identity: read.json, scopeCode: scope.code, fingerprintConfirmed: true });
      notifySuccess(t('ui.sync.add.added', { name: peer.name }));
      onAdded();
      onClose();
    } catch (error) {
      setRefusal(describeError(t, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.sync.add.title')} size="lg" closeOnClickOutside={!saving} closeButtonProps={{ 'aria-label': t('ui.common.close') }}>
      <Stack gap="sm" data-testid="add-peer">
        <FileButton onChange={(file) => void choose(file)} accept=".json,application/json" inputProps={{ 'data-testid': 'peer-identity-input' } as object}>
          {(props) => (
            <Button {...props} variant={read?.ok ? 'default' : 'filled'} leftSection={<IconFileImport size={18} />}>
              {t(read?.ok ? 'ui.sync.add.chooseAgain' : 'ui.sync.add.choose')}
            </Button>
          )}
        </FileButton>
        {read && !read.ok && (
          <Alert color="red" icon={<IconAlertCircle />} data-testid="peer-identity-error">
            {t(read.reason === 'notJson' ? 'ui.sync.add.notJson' : 'ui.sync.add.notIdentity')}
          </Alert>
        )}
        {read?.ok && (
          <>
            <Facts
              rows={[
                { label: t('ui.sync.node.unit'), value: <UnitName name={read.identity.unitName} code={read.identity.unitCode} />, testId: 'peer-identity-unit' },
                { label: t('ui.sync.node.nodeId'), value: <Text size="sm" ff="monospace">{read.identity.nodeId}</Text> },
                { label: t('ui.sync.node.suite'), value: t(SUITE_LABEL[read.identity.suite]) },
              ]}
            />
            <Alert color="yellow" icon={<IconPhone />} title={t('ui.sync.add.compareTitle')}>
              <Stack gap="sm">
                <Text size="sm">{t('ui.sync.add.compare')}</Text>
                <Fingerprint value={read.identity.fingerprint} testId="peer-identity-fingerprint" />
              </Stack>
            </Alert>
            <Checkbox label={t('ui.sync.add.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} data-testid="peer-confirm" />
            <UnitSelect
              label={t('ui.sync.add.scope')}
              description={t('ui.sync.add.scopeHint')}
              required
              value={scopeId}
              onChange={setScopeId}
              data-testid="peer-scope"
            />
          </>
        )}
        {refusal && (
          <Alert color="red" icon={<IconAlertCircle />} data-testid="peer-add-error">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {t('ui.common.cancel')}
          </Button>
          <Button disabled={!read?.ok || !confirmed || !scope} loading={saving} onClick={() => void add()} data-testid="peer-add-submit">
            {t('ui.sync.add.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
