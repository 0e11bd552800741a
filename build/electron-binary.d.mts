export function electronVersion(): string;
export function findElectronBinary(): { path: string } | { path: null; reason: string };
export function hasDisplay(): boolean;
