/**
 * The form documents the server serves, read once at startup: every `form`,
 * `consultation` and `disclosure-request` JSON document in the configured
 * directories (or named files). Each is checked with core's schema for its kind
 * and its submissions with core's compileSubmissionSchema — the very function
 * the browser's <gk-form> checks with. A form's name is the last segment of its
 * `action` (`/api/forms/mailbox` → `mailbox`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileSubmissionSchema, formFieldList, formSchema, type GkForm } from '../../core/src/schemas/form.js';
import { consultationSchema, type GkConsultation } from '../../core/src/schemas/consultation.js';
import { disclosureRequestSchema, type GkDisclosureRequest } from '../../core/src/schemas/disclosure-request.js';
import { formatIssue, validateText } from '../../core/src/validate.js';
import '../../core/src/translations/en.js';
import { StartupError } from './errors.js';

export type FormKind = 'form' | 'consultation' | 'disclosure-request';
const KINDS: Record<FormKind, typeof formSchema | typeof consultationSchema | typeof disclosureRequestSchema> = {
  form: formSchema,
  consultation: consultationSchema,
  'disclosure-request': disclosureRequestSchema,
};

export interface ServedForm {
  name: string;
  kind: FormKind;
  file: string;
  title: string;
  /** The form as <gk-form> sees it (a consultation's or an application's embedded form included). */
  form: GkForm;
  /** core's compiled check of one submission. */
  submission: ReturnType<typeof compileSubmissionSchema>;
  /** The names of the form's fields, in order: only these are stored. */
  fields: string[];
  /** The document as read (a consultation's, for its adoption report feed). */
  document: unknown;
  /** A consultation's comment period (YYYY-MM-DD, county time). */
  opens?: string;
  closes?: string;
}

/** The name a document's action gives its form, or undefined when the action has no usable last segment. */
export function formNameOf(action: string): string | undefined {
  let path: string;
  try {
    path = new URL(action, 'http://x.invalid/').pathname;
  } catch {
    return undefined;
  }
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(last) ? last : undefined;
}

function listFiles(entry: string): { files: string[]; explicit: boolean } {
  let info;
  try {
    info = statSync(entry);
  } catch {
    throw new StartupError(`找不到表单目录或文件：${entry}`, `form directory or file not found: ${entry}`);
  }
  if (info.isDirectory()) {
    return {
      files: readdirSync(entry)
        .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
        .sort()
        .map((f) => join(entry, f)),
      explicit: false,
    };
  }
  return { files: [entry], explicit: true };
}

export function loadForms(entries: readonly string[]): Map<string, ServedForm> {
  const forms = new Map<string, ServedForm>();
  for (const entry of entries) {
    const { files, explicit } = listFiles(entry);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let kind: unknown;
      try {
        kind = (JSON.parse(text) as { kind?: unknown } | null)?.kind;
      } catch {
        // Malformed JSON: core says where, in both languages.
        const parsed = validateText(formSchema, text);
        const issue = parsed.ok ? undefined : parsed.issues[0];
        throw new StartupError(
          `表单文件有误：${file}  ${issue ? formatIssue(issue, 'zh-CN') : ''}`,
          `invalid form document: ${file}  ${issue ? formatIssue(issue, 'en') : ''}`,
        );
      }
      if (typeof kind !== 'string' || !(kind in KINDS)) {
        // A directory may hold other documents (a catalogue, a policy): they are not forms. A file named on its own must be one.
        if (explicit) {
          throw new StartupError(
            `${file} 不是表单、征求意见或依申请公开文件（"kind" 为 ${JSON.stringify(kind)}）`,
            `${file} is not a form, consultation or disclosure-request document ("kind" is ${JSON.stringify(kind)})`,
          );
        }
        continue;
      }
      const result = validateText(KINDS[kind as FormKind], text);
      if (!result.ok) {
        const zh = result.issues.map((issue) => `  ${file}  ${formatIssue(issue, 'zh-CN')}`).join('\n');
        const en = result.issues.map((issue) => `  ${file}  ${formatIssue(issue, 'en')}`).join('\n');
        throw new StartupError(`表单文件有误：\n${zh}`, `invalid form document:\n${en}`);
      }
      const served = toServed(kind as FormKind, result.value, file);
      const other = forms.get(served.name);
      if (other) {
        throw new StartupError(
          `两个文件提交到同一个地址 /api/forms/${served.name}：${other.file} 和 ${file}；请只保留一个，或修改其中一个的 action`,
          `two documents send to the same address /api/forms/${served.name}: ${other.file} and ${file}; keep one, or change one's action`,
        );
      }
      forms.set(served.name, served);
    }
  }
  if (forms.size === 0) {
    throw new StartupError(
      `在 ${entries.join('、')} 中没有找到表单、征求意见或依申请公开文件`,
      `no form, consultation or disclosure-request documents found in ${entries.join(', ')}`,
    );
  }
  return forms;
}

function toServed(kind: FormKind, doc: unknown, file: string): ServedForm {
  let form: GkForm;
  let extra: Pick<ServedForm, 'opens' | 'closes'> = {};
  if (kind === 'form') form = doc as GkForm;
  else {
    const outer = doc as GkConsultation | GkDisclosureRequest;
    // The same shape <gk-consultation> and <gk-disclosure-request> hand to their <gk-form>.
    form = {
      kind: 'form',
      version: 1,
      title: outer.title,
      action: outer.form.action,
      privacy: outer.form.privacy,
      sections: outer.form.sections,
    };
    if (kind === 'consultation')
      extra = { opens: (outer as GkConsultation).opens, closes: (outer as GkConsultation).closes };
  }
  const name = formNameOf(form.action);
  if (!name) {
    throw new StartupError(
      `${file}：无法从 action "${form.action}" 得出表单名，应如 "/api/forms/mailbox"`,
      `${file}: cannot take a form name from the action "${form.action}"; use one like "/api/forms/mailbox"`,
    );
  }
  return {
    name,
    kind,
    file,
    title: form.title,
    form,
    submission: compileSubmissionSchema(form),
    fields: formFieldList(form).map((f) => f.name),
    document: doc,
    ...extra,
  };
}
