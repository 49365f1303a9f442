/**
 * What staff may do to a submission, and when (受理、转办、反馈; 依申请公开的接收、登记、
 * 办理、答复 with 延期; 意见征集的采纳情况). Each action is a pure decision on the
 * current record: the change and its audit entry, or a 409 `invalid_transition`.
 *
 *   register  受理/登记   received → registered
 *   forward   转办        received|registered|processing → processing, with the office (applications: once registered)
 *   process   办理        registered → processing
 *   extend    延期        applications only, registered|processing, once: +20 working days (条例第三十三条)
 *   reply     反馈/答复   → replied; an application from processing only, with its outcome category
 *   adoption  采纳情况    consultation comments: adopted / partly / not, with a reason
 *   publish   公开答复    a replied submission onto (or off) the public board
 */
import { REQUEST_OUTCOME_CASES, REQUEST_OUTCOMES } from '../../core/src/schemas/disclosure-request.js';
import { addWorkingDays } from './dates.js';
import { HttpError, type IssueOut } from './errors.js';
import type { Adoption, Decide, SubmissionRecord } from './storage/staff-types.js';

export const STEP_LABELS = {
  received: '待受理',
  registered: '已受理',
  processing: '办理中',
  replied: '已答复',
} as const;
export const ADOPTION_LABELS: Record<Adoption, string> = { adopted: '采纳', partly: '部分采纳', not: '未采纳' };
export const ACTION_LABELS = {
  register: '受理登记',
  forward: '转办',
  process: '办理',
  extend: '延期',
  reply: '答复',
  adoption: '采纳情况',
  publish: '公开答复',
} as const;
/** What the history of a submission says, in words: the actions and who looked at it. */
export const EVENT_LABELS: Record<string, string> = { ...ACTION_LABELS, view: '查看', receive: '收到' };
export type ActionName = keyof typeof ACTION_LABELS;
export const ACTIONS = Object.keys(ACTION_LABELS) as ActionName[];

/** Extension of an application's deadline (《政府信息公开条例》第三十三条: at most 20 working days, once). */
export const EXTENSION_WORKING_DAYS = 20;

/** The sub-categories of core's REQUEST_OUTCOMES in table 三 (core's REQUEST_OUTCOME_CASES: one list for the server, the schema and the element). */
export const OUTCOME_DETAILS: Record<(typeof REQUEST_OUTCOMES)[number], readonly string[]> = REQUEST_OUTCOME_CASES;

const TEXT_MAX = 20_000;

function invalid(issues: IssueOut[]): HttpError {
  return new HttpError(422, 'invalid_request', { count: issues.length }, {}, issues);
}

function conflict(current: SubmissionRecord, action: ActionName): HttpError {
  return new HttpError(409, 'invalid_transition', {
    step: STEP_LABELS[current.step],
    action: ACTION_LABELS[action],
    stepEn: current.step,
    actionEn: action,
  });
}

/** A string field: trimmed, or undefined when empty; 422 when too long or not text. */
function textField(
  body: Record<string, unknown>,
  name: string,
  issues: IssueOut[],
  max = TEXT_MAX,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    issues.push({ path: name, message: '应为文本', messageEn: 'must be text' });
    return undefined;
  }
  const trimmed = value.trim();
  if ([...trimmed].length > max)
    issues.push({ path: name, message: `不能超过 ${max} 个字`, messageEn: `at most ${max} characters` });
  return trimmed === '' ? undefined : trimmed;
}

function required(value: string | undefined, name: string, label: string, issues: IssueOut[]): string {
  if (value === undefined) issues.push({ path: name, message: `请填写${label}`, messageEn: `${name} is required` });
  return value ?? '';
}

/** true/false from JSON or from <gk-form>'s checkbox (["yes"]) and radio ("yes"/"no"). */
function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value))
    return value.length > 0 && value.some((v) => v === true || v === 'yes' || v === 'true' || v === 'publish');
  return value === true || value === 'yes' || value === 'true' || value === 'publish';
}

const ADOPTION_INPUT: Record<string, Adoption> = {
  adopted: 'adopted',
  partly: 'partly',
  not: 'not',
  采纳: 'adopted',
  部分采纳: 'partly',
  未采纳: 'not',
};

/** The actions open to a submission now (for the staff page). */
export function allowedActions(record: SubmissionRecord): ActionName[] {
  const request = record.kind === 'disclosure-request';
  const out: ActionName[] = [];
  if (record.step === 'received') out.push('register');
  if (record.step !== 'replied' && (!request || record.step !== 'received')) out.push('forward');
  if (record.step === 'registered') out.push('process');
  if (request && (record.step === 'registered' || record.step === 'processing') && !record.extended) out.push('extend');
  if (request ? record.step === 'processing' : record.step !== 'replied') out.push('reply');
  if (record.kind === 'consultation') out.push('adoption');
  if (record.step === 'replied' && record.reply) out.push('publish');
  return out;
}

/** The decision for `action` with the request's body; throws 422 for bad values (before anything is read). */
export function decision(action: ActionName, body: Record<string, unknown>, today: string): Decide {
  const issues: IssueOut[] = [];
  const note = textField(body, 'note', issues, 2000);
  let decide: Decide;
  switch (action) {
    case 'register':
      decide = (current) => {
        if (current.step !== 'received') throw conflict(current, action);
        return { patch: { step: 'registered' }, action, note };
      };
      break;
    case 'forward': {
      const office = required(textField(body, 'office', issues, 64), 'office', '转办科室或单位', issues);
      decide = (current) => {
        if (current.step === 'replied' || (current.kind === 'disclosure-request' && current.step === 'received'))
          throw conflict(current, action);
        return { patch: { step: 'processing', office }, action, note, detail: { office, from: current.office } };
      };
      break;
    }
    case 'process':
      decide = (current) => {
        if (current.step !== 'registered') throw conflict(current, action);
        return { patch: { step: 'processing' }, action, note };
      };
      break;
    case 'extend': {
      const reason = required(textField(body, 'reason', issues, 500), 'reason', '延期理由', issues);
      decide = (current) => {
        if (
          current.kind !== 'disclosure-request' ||
          current.extended ||
          (current.step !== 'registered' && current.step !== 'processing')
        )
          throw conflict(current, action);
        const deadline = addWorkingDays(current.deadline, EXTENSION_WORKING_DAYS);
        return {
          patch: { deadline, extended: true },
          action,
          note: reason,
          detail: { from: current.deadline, to: deadline },
        };
      };
      break;
    }
    case 'reply': {
      const reply = required(textField(body, 'reply', issues), 'reply', '答复内容', issues);
      const publish = flag(body.publish) ?? false;
      const outcome = textField(body, 'outcome', issues, 20);
      const outcomeDetail = textField(body, 'outcomeDetail', issues, 100);
      const reason = textField(body, 'reason', issues, 2000);
      if (outcome !== undefined && !(REQUEST_OUTCOMES as readonly string[]).includes(outcome)) {
        issues.push({
          path: 'outcome',
          message: `答复结果应为：${REQUEST_OUTCOMES.join('、')}`,
          messageEn: `outcome must be one of ${REQUEST_OUTCOMES.join(', ')}`,
        });
      }
      const details = outcome ? (OUTCOME_DETAILS[outcome as keyof typeof OUTCOME_DETAILS] ?? []) : [];
      if (details.length && (outcomeDetail === undefined || !details.includes(outcomeDetail))) {
        issues.push({
          path: 'outcomeDetail',
          message: `请选择“${outcome}”的具体情形：${details.join('、')}`,
          messageEn: `outcomeDetail must be one of the cases of ${outcome}`,
        });
      }
      if (!details.length && outcomeDetail !== undefined)
        issues.push({
          path: 'outcomeDetail',
          message: `“${outcome ?? ''}”没有具体情形`,
          messageEn: 'this outcome has no sub-categories',
        });
      if (outcome && outcome !== '予以公开' && reason === undefined)
        issues.push({
          path: 'reason',
          message: '请填写理由（会在办理进度查询中公开，请勿写入个人信息）',
          messageEn: 'reason is required for this outcome',
        });
      decide = (current) => {
        if (current.kind === 'disclosure-request') {
          if (current.step !== 'processing') throw conflict(current, action);
          if (!outcome)
            throw invalid([
              {
                path: 'outcome',
                message: `请选择答复结果：${REQUEST_OUTCOMES.join('、')}`,
                messageEn: 'outcome is required for a disclosure application',
              },
            ]);
        } else if (current.step === 'replied') throw conflict(current, action);
        else if (outcome)
          throw invalid([
            {
              path: 'outcome',
              message: '只有依申请公开才有答复结果类别',
              messageEn: 'only disclosure applications have an outcome',
            },
          ]);
        return {
          patch: {
            step: 'replied',
            repliedOn: today,
            reply,
            publish,
            outcome: outcome ?? null,
            outcomeDetail: outcomeDetail ?? null,
            reason: reason ?? null,
          },
          action,
          note,
          detail: {
            publish,
            ...(outcome ? { outcome } : {}),
            ...(outcomeDetail ? { outcomeDetail } : {}),
            ...(reason ? { reason } : {}),
          },
        };
      };
      break;
    }
    case 'adoption': {
      const raw = textField(body, 'adoption', issues, 10);
      const adoption = raw === undefined ? undefined : ADOPTION_INPUT[raw];
      if (!adoption)
        issues.push({
          path: 'adoption',
          message: '请选择：采纳、部分采纳或未采纳',
          messageEn: 'adoption must be adopted, partly or not',
        });
      const reason = textField(body, 'reason', issues, 2000);
      if (adoption && adoption !== 'adopted' && reason === undefined)
        issues.push({
          path: 'reason',
          message: '部分采纳或未采纳时请填写理由',
          messageEn: 'a reason is required unless adopted',
        });
      decide = (current) => {
        if (current.kind !== 'consultation') throw conflict(current, action);
        const replied = current.step === 'replied' ? {} : { step: 'replied' as const, repliedOn: today };
        return {
          patch: { ...replied, adoption: adoption!, adoptionReason: reason ?? null },
          action,
          note,
          detail: { adoption, from: current.adoption, ...(reason ? { reason } : {}) },
        };
      };
      break;
    }
    case 'publish': {
      const publish = flag(body.publish);
      if (publish === undefined)
        issues.push({
          path: 'publish',
          message: '请说明是否公开（true 或 false）',
          messageEn: 'publish must be true or false',
        });
      decide = (current) => {
        if (current.step !== 'replied' || !current.reply) throw conflict(current, action);
        return { patch: { publish: publish! }, action, note, detail: { publish } };
      };
      break;
    }
  }
  if (issues.length) throw invalid(issues);
  return decide;
}
