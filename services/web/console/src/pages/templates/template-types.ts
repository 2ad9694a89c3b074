import type { paths } from '../../api/schema';

type ListOp = paths['/v1/reply-templates']['get'];
export type ReplyTemplateList = ListOp['responses'][200]['content']['application/json'];
export type ReplyTemplate = ReplyTemplateList['templates'][number];
export type Purpose = ReplyTemplate['purpose'];
export const PURPOSES: readonly Purpose[] = ['reply', 'request-information', 'resolve'];
