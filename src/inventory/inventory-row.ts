/**
 * A row of the D1 table `host_inventory`: what the Worker writes
 * (inventory-store.ts) and what `consentry report` reads back. Plain data, so the
 * CLI can name it without the Workers types.
 */
export interface InventoryRow {
  policy: string;
  host: string;
  directive: string;
  route: string;
  category: string | null;
  vendor: string | null;
  count: number;
}
