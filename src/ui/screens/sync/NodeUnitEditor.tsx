import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import type { IdentityFile } from '../../../shared/api/sync';
import { call } from '../../bridge/client';
import { UnitSelect } from '../../components/UnitSelect';
import { useUnits } from '../../data/units-context';
import { notifyError, notifySuccess } from '../../errors';

/**
 * Names the unit this node works for. Every node is set up with the commission's root; a county
 * office's node names its county once the county has arrived from the city.
 */
export function NodeUnitEditor({ node, onSaved }: { node: IdentityFile; onSaved: () => void }) {
  const { t } = useTranslation();
  const { index } = useUnits();
  const current = index.units.find((u) => u.code === node.unitCode)?.id ?? null;
  const [unitId, setUnitId] = useState<string | null>(current);
  const [saving, setSaving] = useState(false);
  const unit = unitId ? index.byId.get(unitId) : undefined;

  async function save() {
    if (!unit) return;
    setSaving(true);
    try {
      await call(api.sync.setNodeUnit, { unitCode: unit.code });
      notifySuccess(t('ui.sync.node.unitSaved', { unit: unit.name }));
      onSaved();
    } catch (error) {
      notifyError(t, error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <UnitSelect size="xs" value={unitId} onChange={setUnitId} style={{ flex: 1 }} data-testid="node-unit-select" />
      <Button size="xs" variant="default" disabled={!unit || unit.code === node.unitCode} loading={saving} onClick={() => void save()} data-testid="node-unit-save">
        {t('ui.sync.node.unitSave')}
      </Button>
    </Group>
  );
}
