import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the screen that shows a form modal hands it. */
export interface FormModalControl {
  opened: boolean;
  onClose: () => void;
}

interface Props extends FormModalControl {
  title: ReactNode;
  size?: ModalProps['size'];
  /** data-testid of the form */
  testId?: string;
  /**
   * Checks the fields and shows their errors; false stops the submit before saving starts, so
   * a form that is not filled in right never shows the buttons busy.
   */
  validate?: () => boolean;
  /** Saves: the buttons show that it is saving until it settles; it handles its own errors. */
  onSubmit: () => Promise<void>;
  /** the submit button's text; Save unless the form does something else (propose, undo) */
  submitLabel?: string;
  children: ReactNode;
}

/** A modal holding one form: its fields, then Cancel and Save. */
export function FormModal({ opened, onClose, title, size, testId, validate, onSubmit, submitLabel, children }: Props) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (validate && !validate()) return;
    setSaving(true);
    try {
      await onSubmit();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} closeButtonProps={{ 'aria-label': t('ui.common.close') }} title={title} size={size} closeOnClickOutside={!saving}>
      <form
        noValidate
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel ?? t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
