export function ensureElectronSqlite(): Promise<string>;
