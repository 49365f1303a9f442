/**
 * Saving to gongkai-server's documents API (the publishing issue's contract,
 * /work/notes/api-documents.md): same origin, the staff session cookie, JSON
 * bodies. The studio served by gongkai-server finds it at ../staff/api/; from a
 * static host there is none, and the studio says so instead of offering the button.
 */
export interface ReceiverState {
  present: boolean;
  /** Signed-in account, if any. */
  user?: { name: string; office?: string; role?: string };
  /** The server answers the staff API but not the documents API (an older gongkai-server). */
  documents?: boolean;
}

export interface SaveResult {
  ok: boolean;
  message: string;
  slug?: string;
  revisionId?: string | number;
  issues?: Array<{ path: string; message: string; line?: number; col?: number }>;
}

const api = (path: string) => new URL(`../staff/api/${path}`, location.href).href;

interface ApiError {
  error?: { code?: string; message?: string; issues?: SaveResult['issues'] };
}

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> & ApiError }> {
  const response = await fetch(api(path), {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  const json = type.includes('application/json') ? ((await response.json()) as Record<string, unknown>) : {};
  return { status: response.status, json };
}

/** Whether a gongkai-server is behind this page, and who is signed in. Never throws. */
export async function probeReceiver(): Promise<ReceiverState> {
  try {
    const state = await call('GET', 'state');
    if (state.status !== 200 || typeof state.json.accounts !== 'number') return { present: false };
    const user = state.json.user as ReceiverState['user'] | null;
    let documents = false;
    if (user) {
      const list = await call('GET', 'documents?pageSize=1');
      documents = list.status === 200;
    }
    return { present: true, ...(user ? { user } : {}), documents };
  } catch {
    return { present: false };
  }
}

export async function signIn(name: string, password: string): Promise<{ ok: boolean; message: string }> {
  try {
    const answer = await call('POST', 'login', { name, password });
    if (answer.status === 200) return { ok: true, message: '已登录' };
    return { ok: false, message: answer.json.error?.message ?? `登录失败（${answer.status}）` };
  } catch {
    return { ok: false, message: '无法连接接收端' };
  }
}

const fail = (status: number, json: ApiError, fallback: string): SaveResult => ({
  ok: false,
  message: json.error?.message ?? `${fallback}（${status}）`,
  ...(json.error?.issues ? { issues: json.error.issues } : {}),
});

/**
 * Saves the text as a draft revision of the document `slug`: creates the document
 * if it is new, updates the open draft if there is one, else starts a new revision.
 * With `submit`, then sends it for review.
 */
export async function saveToReceiver(
  slug: string,
  contentText: string,
  changeNote: string,
  submit: boolean,
): Promise<SaveResult> {
  try {
    const found = await call('GET', `documents/${encodeURIComponent(slug)}`);
    let revision: { id: string | number; issues?: SaveResult['issues']; state?: string } | undefined;
    if (found.status === 404) {
      const created = await call('POST', 'documents', { slug, contentText, ...(changeNote ? { changeNote } : {}) });
      if (created.status !== 201) return fail(created.status, created.json, '新建文件失败');
      revision = created.json.revision as typeof revision;
    } else if (found.status === 200) {
      const open = found.json.open as { id: string | number; state: string } | null;
      if (open && (open.state === 'draft' || open.state === 'returned')) {
        const updated = await call('PUT', `documents/${encodeURIComponent(slug)}/revisions/${open.id}`, {
          contentText,
          ...(changeNote ? { changeNote } : {}),
        });
        if (updated.status !== 200) return fail(updated.status, updated.json, '保存修订稿失败');
        revision = updated.json.revision as typeof revision;
      } else {
        const added = await call('POST', `documents/${encodeURIComponent(slug)}/revisions`, {
          contentText,
          ...(changeNote ? { changeNote } : {}),
        });
        if (added.status !== 201) return fail(added.status, added.json, '新建修订稿失败');
        revision = added.json.revision as typeof revision;
      }
    } else return fail(found.status, found.json, '接收端没有正常回应');
    if (!revision) return { ok: false, message: '接收端的回应中没有修订稿' };
    if (submit) {
      const submitted = await call('POST', `documents/${encodeURIComponent(slug)}/revisions/${revision.id}/submit`, {});
      if (submitted.status !== 200)
        return { ...fail(submitted.status, submitted.json, '提交审核失败'), slug, revisionId: revision.id };
      return {
        ok: true,
        message: `已保存并提交审核（文件 ${slug}，修订稿 ${revision.id}），等待另一位工作人员审核后公开`,
        slug,
        revisionId: revision.id,
      };
    }
    const issues = revision.issues ?? [];
    return {
      ok: true,
      message: issues.length
        ? `已保存为草稿（文件 ${slug}），还有 ${issues.length} 处问题，修正后才能提交审核`
        : `已保存为草稿（文件 ${slug}，修订稿 ${revision.id}）`,
      slug,
      revisionId: revision.id,
      issues,
    };
  } catch {
    return { ok: false, message: '无法连接接收端，内容仍保留在编辑器和浏览器草稿中' };
  }
}
