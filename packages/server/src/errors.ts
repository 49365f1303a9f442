/**
 * Every error the server answers is JSON: `{ "error": { code, message, messageEn } }`,
 * with `issues` for a submission that fails the form's checks. Messages are
 * Chinese first (the citizens' and staff's language), English beside them.
 */

/** code → [中文, English]; `{name}` placeholders are filled from params. */
export const ERRORS = {
  not_found: ['没有这个地址。', 'No such address.'],
  unknown_organisation: ['本平台没有编号为“{org}”的单位。', 'There is no organisation “{org}” on this platform.'],
  unknown_form: ['没有名为“{form}”的表单。', 'There is no form named “{form}”.'],
  method_not_allowed: ['此地址不支持 {method} 请求。', 'This address does not accept {method} requests.'],
  unsupported_media_type: [
    '请以 JSON 提交（Content-Type: application/json; charset=utf-8）。',
    'Send JSON (Content-Type: application/json; charset=utf-8).',
  ],
  payload_too_large: [
    '提交的内容过大，上限为 {limit} 字节。',
    'The submission is too large; the limit is {limit} bytes.',
  ],
  malformed_json: ['提交的内容无法解析：{detail}', 'The submission could not be read: {detail}'],
  invalid_submission: [
    '提交的内容有 {count} 处问题，请修改后重新提交。',
    'The submission has {count} problem(s); please correct and send again.',
  ],
  idempotency_conflict: [
    '同一个提交编号（Idempotency-Key）已用于内容不同的另一次提交。',
    'This Idempotency-Key was already used for a different submission.',
  ],
  idempotency_mismatch: [
    '请求头 Idempotency-Key 与字段 _idempotencyKey 不一致。',
    'The Idempotency-Key header and the _idempotencyKey field differ.',
  ],
  consultation_not_open: [
    '征求意见尚未开始（{opens} 开始）。',
    'The consultation has not opened yet (it opens on {opens}).',
  ],
  consultation_closed: ['征求意见已于 {closes} 截止。', 'The consultation closed on {closes}.'],
  rate_limited: ['提交过于频繁，请 {seconds} 秒后再试。', 'Too many requests; please try again in {seconds} seconds.'],
  origin_not_allowed: ['不接受来自 {origin} 的跨域请求。', 'Cross-origin requests from {origin} are not accepted.'],
  missing_code: ['请提供查询码（?code=）。', 'Give a tracking code (?code=).'],
  unknown_code: ['没有找到查询码“{code}”。', 'No submission has the tracking code “{code}”.'],
  storage_unavailable: [
    '系统暂时无法保存或查询，您填写的内容没有丢失，请稍后重试。',
    'The service cannot store or look up right now; nothing you wrote is lost. Please try again shortly.',
  ],
  unauthorized: ['请先登录。', 'Sign in first.'],
  forbidden: ['您的账号没有此权限。', 'Your account may not do this.'],
  login_failed: ['用户名或密码不正确，或账号已停用。', 'Wrong name or password, or the account is disabled.'],
  unknown_submission: ['没有编号为 {id} 的来件。', 'There is no submission {id}.'],
  invalid_request: ['请求有 {count} 处问题。', 'The request has {count} problem(s).'],
  invalid_transition: [
    '当前状态“{step}”下不能{action}。',
    'A submission that is {stepEn} cannot take the action {actionEn}.',
  ],
  unknown_document: ['没有名为“{slug}”的文件。', 'There is no document “{slug}”.'],
  unknown_revision: ['文件“{slug}”没有编号为 {id} 的修订稿。', 'The document “{slug}” has no revision {id}.'],
  slug_taken: ['地址名“{slug}”已被另一份文件使用。', 'The slug “{slug}” is taken by another document.'],
  revision_open: [
    '文件“{slug}”已有一份未发布的修订稿（编号 {id}，{state}）：请在其上修改。',
    'The document “{slug}” already has an unpublished revision ({id}, {stateEn}): edit that one.',
  ],
  self_review: [
    '不能审核自己撰写或提交的修订稿：须由另一个账号审核。',
    'You cannot review a revision you wrote or submitted: another account must review it.',
  ],
  invalid_document: [
    '文件有 {count} 处问题，不能{action}。',
    'The document has {count} problem(s) and cannot be {actionEn}.',
  ],
  withdrawn: ['此文件已于 {at} 撤回：{reason}', 'This document was withdrawn on {at}: {reason}'],
  internal: ['服务器内部错误。', 'Internal server error.'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof ERRORS;
/** A parameter is one value for both languages, or `{ zh, en }`. */
export type Params = Record<string, string | number | { zh: string; en: string }>;

export function fill(template: string, params: Params = {}, lang: 'zh' | 'en' = 'zh'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

export interface IssueOut {
  /** The field as a JSON path (`phone`, `format[1]`); "" for the submission as a whole. */
  path: string;
  message: string;
  messageEn: string;
  /** Where in the JSON text, for a document's problems. */
  line?: number;
  col?: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly headers: Record<string, string> = {},
    readonly issues?: IssueOut[],
  ) {
    super(fill(ERRORS[code][1], params, 'en'));
  }

  body(): { error: { code: ErrorCode; message: string; messageEn: string; issues?: IssueOut[] } } {
    const [zh, en] = ERRORS[this.code];
    return {
      error: {
        code: this.code,
        message: fill(zh, this.params),
        messageEn: fill(en, this.params, 'en'),
        ...(this.issues ? { issues: this.issues } : {}),
      },
    };
  }
}

/** The database cannot be reached, is locked, full or read-only: a 503, and the citizen may retry. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`storage unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A startup problem (configuration, form documents, database): printed in both languages, exit code 2. */
export class StartupError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
