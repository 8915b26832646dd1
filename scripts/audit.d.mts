// Types for scripts/audit.mjs, so its unit test is type-checked.
export declare const reviewed: Record<string, string>;
export declare function readAudit(
  stdout: string,
): { ran: false; why: string } | { ran: true; serious: string[]; counts: Record<string, number | undefined> };
export declare function checkShipped(lock: unknown, list?: Record<string, string>): string[];
