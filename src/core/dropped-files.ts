/**
 * The files of a drop, folders read through (their files, at any depth), as FilePond reads them:
 * for a drop taken without FilePond (drop-target.ts). What the drop holds must be taken during the
 * `drop` event itself (the DataTransfer is emptied once it returns); the folders are read after.
 */
export function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const dropped = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  return Promise.all(dropped.map(({ entry, file }) => (entry?.isDirectory ? folderFiles(entry as FileSystemDirectoryEntry) : file ? [file] : []))).then((lists) => lists.flat());
}

async function folderFiles(folder: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = folder.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries gives a folder's entries a batch at a time (100 in Chromium), then an empty batch.
  for (let batch = await readBatch(reader); batch.length; batch = await readBatch(reader)) entries.push(...batch);
  const lists = await Promise.all(
    entries.map((entry) => (entry.isDirectory ? folderFiles(entry as FileSystemDirectoryEntry) : new Promise<File[]>((resolve, reject) => (entry as FileSystemFileEntry).file((file) => resolve([file]), reject)))),
  );
  return lists.flat();
}

const readBatch = (reader: FileSystemDirectoryReader) => new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
