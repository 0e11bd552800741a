export const EMBEDDED_PORT: number;
export type ServerProbe = { kind: 'free' } | { kind: 'zhiban'; centerId: string | null; healthy: boolean } | { kind: 'other'; detail: string };
export interface LauncherMemory {
  centerId: string;
  port: number;
}
export function defaultServerDataDir(env?: NodeJS.ProcessEnv): string;
export function memoryFileFor(dataDir: string): string;
export function readMemory(file: string): LauncherMemory | null;
export function serverPortOption(argv: readonly string[], env?: NodeJS.ProcessEnv): { port: number; given: boolean; rest: string[] };
export function probeServer(port: number, o?: { host?: string; timeoutMs?: number }): Promise<ServerProbe>;
export function decideServer(o: { port: number; atPort: ServerProbe; remembered: LauncherMemory | null; atRemembered: ServerProbe | null }): {
  action: 'reuse' | 'start';
  port: number;
  notice: string | null;
};
export function startEmbeddedServer(o?: {
  port?: number;
  dataDir?: string;
  log?: (line: string) => void;
  echo?: boolean;
  /** The server's environment (default: this process's; DATABASE_URL there picks PostgreSQL). */
  env?: NodeJS.ProcessEnv;
  /** The compiled server to run (build/bundle-node.mjs SERVER_ENTRY); without it, server/main.ts through tsx. */
  entry?: string | null;
}): Promise<{ url: string; centerId: string | null; started: boolean; stop(): Promise<void> }>;
