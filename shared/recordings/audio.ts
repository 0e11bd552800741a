/**
 * What counts as a recording: audio the desk's player (Chromium) can decode, recognised by its first bytes,
 * not by the name it was saved under (a renamed .exe is not a .wav). Pure: Uint8Array in, answer out.
 */
export const AUDIO_TYPES = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/mp4', 'audio/aac'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

/** Largest recording accepted anywhere (a host may configure less): about an hour of phone-quality MP3. */
export const MAX_RECORDING_BYTES = 50 * 1024 * 1024;
/** The first bytes the sniffer needs. */
export const SNIFF_BYTES = 64;

const ascii = (b: Uint8Array, at: number, s: string) => {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

/** The audio type the bytes really are, or null when they are not audio we play. */
export function sniffAudio(b: Uint8Array): AudioType | null {
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
  if (ascii(b, 0, 'OggS')) return 'audio/ogg'; // Vorbis or Opus in Ogg
  if (ascii(b, 4, 'ftyp')) {
    // ISO media: M4A (AAC in MP4) and its cousins; video brands are refused.
    const brand = String.fromCharCode(...b.slice(8, 12));
    return ['M4A ', 'M4B ', 'mp42', 'isom', 'mp41', 'dash'].includes(brand) ? 'audio/mp4' : null;
  }
  if (ascii(b, 0, 'ID3')) return 'audio/mpeg'; // MP3 with an ID3v2 tag in front
  if (b.length >= 2 && b[0] === 0xff) {
    const b1 = b[1]!;
    // ADTS (raw AAC): 1111 1111 1111 x00x — layer bits 00.
    if ((b1 & 0xf6) === 0xf0) return 'audio/aac';
    // MPEG audio frame sync: 11 bits set, layer not 00 (MP3 is layer III = 01).
    if ((b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'audio/mpeg';
  }
  return null;
}

/**
 * A WAV file's length in seconds from its header (data chunk size / byte rate, the size capped by the file's
 * real length); null when the header does not say. `b` may be just the head of a file of `total` bytes.
 */
export function wavDurationSec(b: Uint8Array, total = b.length): number | null {
  if (sniffAudio(b) !== 'audio/wav') return null;
  const u32 = (at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
  let byteRate = 0;
  for (let at = 12; at + 8 <= b.length; ) {
    const size = u32(at + 4);
    if (ascii(b, at, 'fmt ') && at + 16 <= b.length) byteRate = u32(at + 8 + 8);
    if (ascii(b, at, 'data')) return byteRate > 0 ? Math.round((Math.min(size, total - at - 8) / byteRate) * 10) / 10 : null;
    at += 8 + size + (size % 2);
  }
  return null;
}

/** A short tone as a 16-bit mono WAV (the demo center's recordings, the tests' uploads): no fetched files. */
export function toneWav(o: { seconds: number; hz?: number; sampleRate?: number }): Uint8Array {
  const rate = o.sampleRate ?? 8000;
  const n = Math.round(o.seconds * rate);
  const out = new Uint8Array(44 + n * 2);
  const v = new DataView(out.buffer);
  const put = (at: number, s: string) => [...s].forEach((c, i) => (out[at + i] = c.charCodeAt(0)));
  put(0, 'RIFF');
  v.setUint32(4, 36 + n * 2, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  put(36, 'data');
  v.setUint32(40, n * 2, true);
  const hz = o.hz ?? 440;
  for (let i = 0; i < n; i++) {
    // A tone that swells and fades each second, so the waveform has a shape to see.
    const env = 0.25 + 0.6 * Math.abs(Math.sin((Math.PI * i) / rate));
    v.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * env * 0x5fff), true);
  }
  return out;
}
