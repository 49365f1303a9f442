/**
 * Opening and saving files on the editor's own computer: the File System Access
 * API where the browser has it (Chrome, Edge: saving goes back to the same file),
 * else an <input type=file> and a download.
 */
export type FileHandle = {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: Blob | string): Promise<void>; close(): Promise<void> }>;
};
type Picker = (options: object) => Promise<FileHandle[] | FileHandle>;

const JSON_TYPES = [{ description: 'JSON 数据文件', accept: { 'application/json': ['.json'] } }];

const picker = (name: 'showOpenFilePicker' | 'showSaveFilePicker') =>
  (window as unknown as Record<string, Picker | undefined>)[name];

export interface OpenedFile {
  name: string;
  text: string;
  handle?: FileHandle;
}

/** Asks for a JSON file; undefined when the editor cancels. */
export async function openJsonFile(fallbackInput: HTMLInputElement): Promise<OpenedFile | undefined> {
  const open = picker('showOpenFilePicker');
  if (open) {
    try {
      const [handle] = (await open({ types: JSON_TYPES, multiple: false })) as FileHandle[];
      if (!handle) return undefined;
      const file = await handle.getFile();
      return { name: file.name, text: await file.text(), handle };
    } catch (error) {
      if ((error as DOMException)?.name === 'AbortError') return undefined;
      // Blocked (a frame, a policy): fall back to the input.
    }
  }
  return new Promise((resolve) => {
    fallbackInput.value = '';
    fallbackInput.onchange = async () => {
      const file = fallbackInput.files?.[0];
      resolve(file ? { name: file.name, text: await file.text() } : undefined);
    };
    fallbackInput.oncancel = () => resolve(undefined);
    fallbackInput.click();
  });
}

/** Saves text: to the opened file's handle, else through a save picker, else as a download. Returns how. */
export async function saveJsonFile(
  text: string,
  name: string,
  handle?: FileHandle,
): Promise<{ how: 'file' | 'download'; handle?: FileHandle; name: string } | undefined> {
  const blob = new Blob([text], { type: 'application/json;charset=utf-8' });
  let target = handle;
  const save = picker('showSaveFilePicker');
  if (!target && save) {
    try {
      target = (await save({ suggestedName: name, types: JSON_TYPES })) as FileHandle;
    } catch (error) {
      if ((error as DOMException)?.name === 'AbortError') return undefined;
    }
  }
  if (target) {
    try {
      const writable = await target.createWritable();
      await writable.write(blob);
      await writable.close();
      return { how: 'file', handle: target, name: target.name };
    } catch {
      // Permission refused: download instead.
    }
  }
  download(blob, name);
  return { how: 'download', name };
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
