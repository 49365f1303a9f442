/**
 * The staff page's <gk-form> documents for the steps open on a document (审核通过、退回、
 * 未经审核发布、撤回、提交审核): pure, each POSTing JSON to the documents API. The
 * server decides again on every step (documents/workflow.ts); a form shown is no permission.
 */
import type { GkForm } from '../../../core/src/schemas/form.js';
import type { DocumentAction } from '../documents/workflow.js';
import type { RevisionRecord } from '../storage/document-types.js';
import { staffStepForm } from './views.js';

type Field = GkForm['sections'][number]['fields'][number];

const TITLES: Partial<Record<DocumentAction, string>> = {
  submit: '提交审核',
  approve: '审核通过并发布',
  return: '退回修改',
  publish: '未经审核直接发布（仅管理员，须说明理由）',
  withdraw: '撤回已发布的文件',
};

export function documentActionForms(
  slug: string,
  open: RevisionRecord | undefined,
  actions: readonly DocumentAction[],
): Partial<Record<DocumentAction, GkForm>> {
  const out: Partial<Record<DocumentAction, GkForm>> = {};
  const base = `/staff/api/documents/${slug}`;
  for (const action of actions) {
    let fields: Field[];
    let url: string;
    switch (action) {
      case 'submit':
        if (!open) continue;
        fields = [{ name: 'confirm', label: '我已核对内容，提交给本科室审核人审核', type: 'consent', required: true }];
        url = `${base}/revisions/${open.id}/submit`;
        break;
      case 'approve':
        if (!open) continue;
        fields = [
          {
            name: 'confirm',
            label: '已审核：不含国家秘密、工作秘密和个人隐私，数字与来源一致（保密审查）',
            type: 'consent',
            required: true,
          },
          { name: 'note', label: '审核意见（内部，可不填）', type: 'textarea', maxLength: 2000 },
        ];
        url = `${base}/revisions/${open.id}/approve`;
        break;
      case 'return':
        if (!open) continue;
        fields = [
          { name: 'reason', label: '退回理由（撰写人可见）', type: 'textarea', required: true, maxLength: 2000 },
        ];
        url = `${base}/revisions/${open.id}/return`;
        break;
      case 'publish':
        if (!open) continue;
        fields = [
          {
            name: 'reason',
            label: '未经审核发布的理由（记入日志，并向公众显示）',
            type: 'textarea',
            required: true,
            maxLength: 500,
          },
        ];
        url = `${base}/revisions/${open.id}/publish`;
        break;
      case 'withdraw':
        fields = [
          { name: 'reason', label: '撤回理由（向公众显示）', type: 'textarea', required: true, maxLength: 500 },
        ];
        url = `${base}/withdraw`;
        break;
      default:
        // save and revise: the studio's (or the API's and the CLI's) work, not this page's.
        continue;
    }
    out[action] = staffStepForm(TITLES[action]!, url, fields);
  }
  return out;
}
