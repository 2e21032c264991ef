export interface WorkerConfig {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  redisUrl?: string | undefined;
  encryptionKey?: string | undefined;
  keyPrefix?: string | undefined;
  leaseMs?: number | undefined;
  retryAfterMs?: number | undefined;
  commandTimeoutMs?: number | undefined;
  reauthIntervalMs?: number | undefined;
}
export interface TokensResult {
  tokens: string[];
  failures: string[];
}
export interface FetchResult {
  statuses: number[];
  failures: string[];
}
export type StoreEvent = { type: string; action: string; reason: string };

export declare class Worker {
  static start(config: WorkerConfig): Promise<Worker>;
  configure(config: WorkerConfig): Promise<void>;
  tokens(callers: number): Promise<TokensResult>;
  fetch(callers: number): Promise<FetchResult>;
  events(): Promise<StoreEvent[]>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}
export declare function startFleet(size: number, config: WorkerConfig): Promise<Worker[]>;
