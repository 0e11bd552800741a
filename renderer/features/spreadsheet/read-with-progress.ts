/** A file's bytes, reporting the fraction read (large files from a network share take a while). */
export function readWithProgress(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(file);
  });
}

/** Runs a step generator, giving the page a frame between steps so a progress bar can move. */
export async function runInSlices<T>(steps: Generator<number, T>, onProgress: (fraction: number) => void): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress(r.value);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
