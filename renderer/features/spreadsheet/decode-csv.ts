/**
 * Spreadsheet bytes to text. Excel on Chinese Windows saves CSV as GBK; we try UTF-8 first (strictly,
 * so a GBK file cannot pass as garbled UTF-8) and fall back to GB18030, a superset of GBK.
 */
export function decodeSpreadsheetText(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(data), encoding: 'gb18030' };
  }
}
