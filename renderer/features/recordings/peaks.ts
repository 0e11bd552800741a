/** Loudest sample per slice of the first channel (0–1): what the waveform draws, one bar per slice. */
export function peaksOf(samples: Float32Array, slices: number): number[] {
  const out: number[] = [];
  const per = Math.max(1, Math.floor(samples.length / slices));
  for (let s = 0; s < slices; s++) {
    let max = 0;
    const end = Math.min(samples.length, (s + 1) * per);
    for (let i = s * per; i < end; i++) {
      const v = Math.abs(samples[i]!);
      if (v > max) max = v;
    }
    out.push(max);
  }
  const loudest = Math.max(...out, 1e-6);
  // Scaled to the loudest slice, so a quiet phone line still shows its shape.
  return out.map((v) => v / loudest);
}

/** m:ss (or h:mm:ss) for the player's clock. */
export function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
