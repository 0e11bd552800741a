/**
 * One Intl.DateTimeFormat per (locale, options), built on first use: constructing one costs far more than
 * formatting with it, and lists format a time per row on every render (#16). Kept small: emptied if it ever
 * holds many variants.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    if (formats.size >= 128) formats.clear();
    formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  }
  return f;
}
