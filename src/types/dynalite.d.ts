declare module 'dynalite' {
  import type { Server } from 'node:http';
  /** dynalite 4: an in-process DynamoDB-compatible server (no transactions, no TTL). */
  export default function dynalite(options?: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; maxItemSizeKb?: number }): Server;
}
