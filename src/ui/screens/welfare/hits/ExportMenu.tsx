import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeDocx, IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { ExportedFile } from '../../../../shared/api/cases';
import type { HitFilter } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { FormModal } from '../../../components/FormModal';
import { downloadBase64 } from '../../../download';
import { notifyError } from '../../../errors';
import { CountySelect } from '../shared/CountySelect';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The board as XLSX (under its filters), one county's list as XLSX, and the summary report as DOCX. */
export function ExportMenu({ filter }: { filter: HitFilter }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [countyOpen, setCountyOpen] = useState(false);
  const [countyId, setCountyId] = useState<string | null>(null);
  const [countyError, setCountyError] = useState<string | null>(null);

  async function save(load: () => Promise<ExportedFile>, type?: string): Promise<void> {
    setBusy(true);
    try {
      const file = await load();
      downloadBase64(file.fileName, file.contentBase64, type);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={18} />} rightSection={<IconChevronDown size={14} />} loading={busy} data-testid="hits-export">
            {t('ui.welfare.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void save(() => call(api.welfare.exportBoard, filter))} data-testid="export-board">
            {t('ui.welfare.export.board')}
          </Menu.Item>
          <Menu.Item leftSection={<IconMapPin size={16} />} onClick={() => setCountyOpen(true)} data-testid="export-county">
            {t('ui.welfare.export.county')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileTypeDocx size={16} />} onClick={() => void save(() => call(api.welfare.exportSummary, {}), DOCX)} data-testid="export-summary">
            {t('ui.welfare.export.summary')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <FormModal
        opened={countyOpen}
        onClose={() => setCountyOpen(false)}
        title={t('ui.welfare.export.countyTitle')}
        testId="export-county-form"
        submitLabel={t('ui.welfare.export.countySubmit')}
        validate={() => {
          setCountyError(countyId ? null : t('ui.welfare.assign.countyRequired'));
          return countyId !== null;
        }}
        onSubmit={async () => {
          const unitId = countyId;
          if (!unitId) return;
          await save(() => call(api.welfare.exportCountyList, { unitId }));
          setCountyOpen(false);
        }}
      >
        <CountySelect
          label={t('ui.welfare.assign.county')}
          required
          value={countyId}
          onChange={(v) => {
            setCountyId(v);
            setCountyError(null);
          }}
          error={countyError}
          data-testid="export-county-unit"
        />
      </FormModal>
    </>
  );
}
