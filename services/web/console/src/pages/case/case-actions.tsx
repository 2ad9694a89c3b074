import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblemContext, isVersionConflict } from '../../components/api-errors';
import {
  ConfirmForm,
  MergeForm,
  RejectForm,
  TextActionForm,
  type ActionFormProps,
} from './action-forms';
import { AssignForm } from './assign-form';
import { AttachForm } from './attach-form';
import { ACTIONS, type ActionName, type CaseDetail } from './case-types';
import { GrantExtensionForm, RequestExtensionForm } from './extension-form';
import { TransferForm } from './transfer-form';
import { useCaseAction } from './use-case-action';
import contrast from '../../components/contrast.module.css';

/** The form of one action. */
function ActionForm({ action, ...props }: ActionFormProps & { action: ActionName }) {
  const { t } = useTranslation();
  const label = t(`case.action.${action}`);
  switch (action) {
    case 'accept':
      return <ConfirmForm {...props} text={t('case.confirm.accept')} submitLabel={label} />;
    case 'close':
      return <ConfirmForm {...props} text={t('case.confirm.close')} submitLabel={label} />;
    case 'approve-resolution':
      return (
        <ConfirmForm {...props} text={t('case.confirm.approve-resolution')} submitLabel={label}>
          <Alert color="blue" title={t('case.pendingResolution')}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{props.detail.pendingResolution}</Text>
          </Alert>
        </ConfirmForm>
      );
    case 'assign':
    case 'reassign':
      return <AssignForm {...props} isReassign={action === 'reassign'} />;
    case 'transfer':
      return <TransferForm {...props} />;
    case 'request-extension':
      return <RequestExtensionForm {...props} />;
    case 'grant-extension':
      return <GrantExtensionForm {...props} />;
    case 'attachments':
      return <AttachForm {...props} />;
    case 'reject':
      return <RejectForm {...props} />;
    case 'merge':
      return <MergeForm {...props} />;
    case 'request-information':
      return (
        <TextActionForm
          {...props}
          field="question"
          label={t('case.form.question')}
          description={t('case.form.questionHint')}
          maxLength={2000}
          submitLabel={label}
          templates="request-information"
        />
      );
    case 'refuse-extension':
    case 'refuse-resolution':
      return (
        <TextActionForm
          {...props}
          field="reason"
          label={t('case.form.refuseReason')}
          maxLength={2000}
          submitLabel={label}
          intro={
            action === 'refuse-resolution' && props.detail.pendingResolution ? (
              <Alert color="blue" title={t('case.pendingResolution')}>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{props.detail.pendingResolution}</Text>
              </Alert>
            ) : undefined
          }
        />
      );
    case 'comment':
      return (
        <TextActionForm
          {...props}
          field="text"
          label={t('case.form.comment')}
          maxLength={5000}
          submitLabel={label}
          extra="internal"
        />
      );
    case 'reply':
      return (
        <TextActionForm
          {...props}
          field="text"
          label={t('case.form.reply')}
          description={t('case.form.replyHint')}
          maxLength={10000}
          submitLabel={label}
          templates="reply"
        />
      );
    case 'resolve':
      return (
        <TextActionForm
          {...props}
          field="answer"
          label={t('case.form.answer')}
          description={
            props.detail.unit?.resolutionNeedsApproval
              ? t('case.form.answerNeedsApproval')
              : t('case.form.answerHint')
          }
          maxLength={10000}
          submitLabel={label}
          templates="resolve"
        />
      );
  }
}

/**
 * Exactly the actions the API allows the signed-in official now (the rest are not shown), each
 * opening its form in a dialog.
 */
export function CaseActions({
  detail,
  queryKey,
}: {
  detail: CaseDetail;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const isSmall = useMediaQuery('(max-width: 48em)');
  const [open, setOpen] = useState<ActionName | null>(null);
  const action = useCaseAction(detail, queryKey);
  const allowed = ACTIONS.filter((a) => detail.allowedActions.includes(a));
  const stillAllowed = open !== null && detail.allowedActions.includes(open);
  const problem = action.problem;

  const close = () => {
    setOpen(null);
    action.clearProblem();
  };

  return (
    <>
      {allowed.length > 0 ? (
        <Group
          gap="xs"
          role="toolbar"
          aria-label={t('case.actionsLabel')}
          data-testid="case-actions"
        >
          {allowed.map((a, i) => (
            <Button
              key={a}
              size="sm"
              variant={i === 0 ? 'filled' : 'default'}
              color={a === 'reject' ? 'red' : undefined}
              onClick={() => {
                action.clearProblem();
                setOpen(a);
              }}
              data-action={a}
            >
              {t(`case.action.${a}`)}
            </Button>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="gray.7" data-testid="case-no-actions">
          {t('case.noActions')}
        </Text>
      )}
      <Modal
        opened={open !== null}
        onClose={close}
        title={open ? t(`case.action.${open}`) : ''}
        size="lg"
        fullScreen={isSmall}
        classNames={{ content: contrast.aa }}
      >
        {problem && (
          <Alert
            color={isVersionConflict(problem) ? 'orange' : 'red'}
            role="alert"
            mb="sm"
            title={isVersionConflict(problem) ? t('case.conflict.title') : t('case.failed')}
            data-testid="action-problem"
          >
            {isVersionConflict(problem) ? t('case.conflict.text') : problem.message}
          </Alert>
        )}
        {open && !stillAllowed ? (
          <Text>{t('case.conflict.noLongerAllowed')}</Text>
        ) : open ? (
          <FormProblemContext.Provider value={problem}>
            <ActionForm
              key={`${open}`}
              action={open}
              detail={detail}
              busy={action.isRunning}
              onCancel={close}
              onSubmit={async (body) => {
                await action.run(open, body);
                close();
              }}
            />
          </FormProblemContext.Provider>
        ) : null}
      </Modal>
    </>
  );
}
