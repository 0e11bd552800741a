export const SERVER_ENTRY: string;
export const WEB_ENTRY: string;
export const CENTER_TEMPLATE: string;
export function centerTemplateKey(): string;
export function bundleNode(o?: { log?: (line: string) => void }): Promise<void>;
