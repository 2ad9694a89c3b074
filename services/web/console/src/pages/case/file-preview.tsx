import { Anchor, Button, Group, Image, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './case-types';
import contrast from '../../components/contrast.module.css';

type Attachment = CaseDetail['attachments'][number];

/**
 * The authorised file route (session cookie, case scope checked on every request): images and
 * PDFs come back `inline`, so the page can show them; nothing is public, nothing is resized on
 * the server — the browser scales the photo.
 */
export const fileUrlOf = (caseId: string, a: Attachment) =>
  `/v1/cases/${caseId}/attachments/${a.id}`;

/** A photo as a thumbnail; a click opens it larger in a dialog. */
function ImagePreview({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  const isSmall = useMediaQuery('(max-width: 48em)');
  const [open, setOpen] = useState(false);
  return (
    <>
      <UnstyledButton
        onClick={() => setOpen(true)}
        aria-label={t('preview.openImage', { name })}
        data-testid="file-thumbnail"
        style={{ display: 'inline-block', lineHeight: 0 }}
      >
        <img
          src={url}
          alt={name}
          loading="lazy"
          width={120}
          height={90}
          style={{
            objectFit: 'cover',
            borderRadius: 4,
            border: '1px solid var(--mantine-color-gray-4)',
            background: 'var(--mantine-color-gray-1)',
          }}
        />
      </UnstyledButton>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={name}
        size="xl"
        fullScreen={isSmall}
        classNames={{ content: contrast.aa }}
      >
        <Stack gap="xs" data-testid="image-dialog">
          <Image src={url} alt={name} fit="contain" mah="75vh" />
          <Group justify="flex-end">
            <Anchor href={url} download={name} size="sm">
              {t('preview.download')}
            </Anchor>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A PDF shown in place, in a frame of the authorised route, when asked for. */
function PdfPreview({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          data-testid="pdf-toggle"
        >
          {open ? t('preview.hidePdf') : t('preview.showPdf')}
        </Button>
      </Group>
      {open && (
        <>
          <iframe
            src={url}
            title={t('preview.pdfTitle', { name })}
            data-testid="pdf-frame"
            style={{
              width: '100%',
              height: 'min(70vh, 560px)',
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 4,
            }}
          />
          <Text size="xs" c="gray.7">
            {t('preview.pdfHint')}
          </Text>
        </>
      )}
    </Stack>
  );
}

/** What the page shows of a stored file besides its link: a photo or a PDF, in place. */
export function FilePreview({ caseId, file }: { caseId: string; file: Attachment }) {
  const { t } = useTranslation();
  if (file.externalUrl || !file.preview) return null;
  const url = fileUrlOf(caseId, file);
  const name = file.fileName ?? t('case.files.unnamed');
  return (
    <div style={{ marginTop: 4 }}>
      {file.preview === 'image' ? (
        <ImagePreview url={url} name={name} />
      ) : (
        <PdfPreview url={url} name={name} />
      )}
    </div>
  );
}
