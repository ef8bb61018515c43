/**
 * The consumer of `RECEIPT_QUEUE`: receipts whose direct D1 write failed. Each
 * message is written on its own and acknowledged only once D1 has it; a failure
 * retries that message later (Queues delivers at least once; the insert is
 * idempotent). After `max_retries` (wrangler.toml) it goes to the dead-letter queue.
 */
import type { Env } from "../env.ts";
import { insertReceipt } from "./receipt-store.ts";
import type { Receipt } from "./receipt.ts";

/** Back-off between attempts: 30 s, 60 s, … up to 10 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(600, 30 * Math.max(1, attempts));
}

export async function consumeReceipts(batch: MessageBatch<Receipt>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    if (env.RECEIPTS === undefined) {
      message.retry({ delaySeconds: retryDelay(message.attempts) });
      continue;
    }
    try {
      await insertReceipt(env.RECEIPTS, message.body);
      message.ack();
    } catch (error) {
      console.log(JSON.stringify({ consentry: "receipt-retry", id: message.body.id, attempts: message.attempts, error: String(error) }));
      message.retry({ delaySeconds: retryDelay(message.attempts) });
    }
  }
}
