import { Modal, type ModalProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from './aa-text';

/**
 * The modal where a thing is added (`editing` is 'new') or edited, open while `editing` is
 * not null. The form it holds is given the thing (none when new) and `onDone`, which closes
 * the modal and, when saved, says so.
 */
export function EditModal<T>({
  editing,
  onClose,
  title,
  size,
  form,
}: {
  editing: T | 'new' | null;
  onClose: () => void;
  title: string;
  size: ModalProps['size'];
  form: (thing: T | undefined, onDone: (saved: boolean) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const onDone = (saved: boolean) => {
    onClose();
    if (saved) notifications.show({ color: 'green', message: t('admin.saved') });
  };
  return (
    <Modal
      styles={{ content: AA_TEXT }}
      opened={editing !== null}
      onClose={onClose}
      title={title}
      size={size}
    >
      {editing !== null && form(editing === 'new' ? undefined : editing, onDone)}
    </Modal>
  );
}
