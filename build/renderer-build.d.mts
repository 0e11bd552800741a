export function buildRenderer(): Promise<void>;
export function bundleElectron(): Promise<void>;
