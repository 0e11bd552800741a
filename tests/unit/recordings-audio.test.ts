import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffAudio, toneWav, wavDurationSec } from '../../shared/recordings/audio';
import { parseRange } from '../../shared/recordings/range';
import { clock, peaksOf } from '../../renderer/features/recordings/peaks';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('recording.audio-only: audio is recognised by its first bytes, not its name', () => {
  it.each([
    ['a WAV', toneWav({ seconds: 0.1 }), 'audio/wav'],
    ['an MP3 with an ID3 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg'],
    ['an MP3 frame (layer III)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['Ogg (Vorbis or Opus)', bytes('OggS', [0, 2]), 'audio/ogg'],
    ['an M4A', bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]), 'audio/mp4'],
    ['raw AAC (ADTS)', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['an MP4 video', bytes([0, 0, 0, 0x20], 'ftypqt  '), null],
    ['a program renamed .wav', bytes('MZ', [0x90, 0]), null],
    ['text', bytes('hello, this is not audio'), null],
    ['a RIFF that is not WAVE (AVI)', bytes('RIFF', [0, 0, 0, 0], 'AVI '), null],
    ['nothing', new Uint8Array(0), null],
  ])('%s → %s', (_what, b, type) => expect(sniffAudio(b)).toBe(type));

  it('a WAV header says its length; the size is capped by the real file', () => {
    const wav = toneWav({ seconds: 3 });
    expect(wavDurationSec(wav)).toBe(3);
    expect(wavDurationSec(wav.subarray(0, 4096), wav.length)).toBe(3);
    expect(wavDurationSec(wav.subarray(0, 8044))).toBe(0.5); // cut short: what is really there
  });
});

describe('Range requests (RFC 9110 §14)', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=900-', 1000, { start: 900, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=990-2000', 1000, { start: 990, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=5-1', 1000, null],
    ['bytes=0-1,5-6', 1000, null],
    ['items=0-1', 1000, null],
    [undefined, 1000, null],
  ] as const)('%s of %i bytes → %j', (h, size, want) => expect(parseRange(h, size)).toEqual(want));

  it('a satisfiable range always lies inside the file and is never empty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.option(fc.nat(2e7)), fc.option(fc.nat(2e7)), (size, a, b) => {
        const r = parseRange(`bytes=${a ?? ''}-${b ?? ''}`, size);
        if (r === null || r === 'unsatisfiable') return;
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThan(size);
        expect(r.start).toBeLessThanOrEqual(r.end);
      }),
    );
  });
});

describe('the waveform', () => {
  it('one bar per slice, each 0–1, the loudest slice at full height', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 2000 }), fc.integer({ min: 1, max: 200 }), (xs, slices) => {
        const p = peaksOf(Float32Array.from(xs), slices);
        expect(p).toHaveLength(slices);
        for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
        if (xs.slice(0, Math.max(1, Math.floor(xs.length / slices)) * slices).some((x) => Math.abs(x) > 1e-3)) expect(Math.max(...p)).toBeCloseTo(1);
      }),
    );
  });
  it.each([
    [0, '0:00'],
    [4.9, '0:04'],
    [65, '1:05'],
    [3725, '1:02:05'],
  ])('%f s reads %s', (s, want) => expect(clock(s)).toBe(want));
});
