/**
 * Why a change to a case was refused, as a stable machine code: the API sends it as the
 * problem's `reason`, and the console and portal turn it into words in their language. The
 * English text is for logs and API readers; the field says where a form shows it.
 */
export const RULES = {
  role_not_allowed: { field: 'case', text: 'this role may not do this' },
  not_allowed_in_status: { field: 'case', text: 'the case is not in a status that allows this' },
  other_unit: { field: 'case', text: 'the case belongs to another unit' },
  not_assignee: { field: 'case', text: 'only the assigned handler or a unit leader may do this' },
  extension_limit_reached: { field: 'case', text: 'the policy allows no more extensions' },
  leader_only: { field: 'case', text: 'only a unit leader may approve a resolution' },
  no_unit: { field: 'case', text: 'the case has no unit yet' },
  already_assigned: { field: 'assigneeId', text: 'the case is already assigned to this official' },
  no_unit_to_transfer: { field: 'case', text: 'the case has no unit to transfer from' },
  not_held_by_from_unit: {
    field: 'case',
    text: 'the case is not held by the unit it is transferred from',
  },
  already_in_unit: { field: 'toUnitCode', text: 'the case is already held by that unit' },
  transfer_reason_required: { field: 'reason', text: 'a transfer needs a reason' },
  not_held_by_merged_unit: { field: 'case', text: 'the case is not held by the merged unit' },
  extension_already_pending: { field: 'case', text: 'an extension request is already pending' },
  extension_reason_required: { field: 'reason', text: 'an extension needs a reason' },
  no_pending_extension: { field: 'case', text: 'no extension request is pending' },
  refusal_reason_required: { field: 'reason', text: 'a refusal needs a reason' },
  resolution_already_pending: {
    field: 'case',
    text: 'a resolution is already awaiting approval',
  },
  resolution_text_required: { field: 'resolutionText', text: 'a resolution needs its text' },
  no_pending_resolution: { field: 'case', text: 'no resolution is awaiting approval' },
  reopen_reason_required: { field: 'reason', text: 'reopening needs a reason' },
  info_text_or_file_required: { field: 'text', text: 'the information needs a text or a file' },
  rejection_note_required: { field: 'note', text: 'a rejection needs a note for the citizen' },
  already_escalated: { field: 'case', text: 'the case is already at that escalation level' },
  already_rated: { field: 'rating', text: 'the case has already been rated' },
  denunciation_never_published: {
    field: 'case',
    text: 'a denunciation (tố cáo) is never published',
  },
  public_text_required: { field: 'publicText', text: 'the public text is empty' },
  public_answer_required: { field: 'publicAnswer', text: 'the public answer is empty' },
} as const satisfies Record<string, { field: string; text: string }>;

export type RuleCode = keyof typeof RULES;
