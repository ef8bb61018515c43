/**
 * Vendor ids for imported trackers. Policies name vendors in kebab-case
 * (`vendorIdSchema`); companiesdb keys are not (`google_analytics`, `51.la`,
 * `ad.agio`), so each key is normalised, and keys that normalise alike are told
 * apart by a number. The result depends only on the set of keys, never on the
 * order they were read in.
 */
import { toVendorId } from "../../src/catalog/vendor-id.ts";

/**
 * Assigns every key a unique id. A key keeps its normalised id when it alone
 * normalises to it and no reserved id (a curated vendor's) has it; otherwise the
 * keys that collide are sorted and numbered `-2`, `-3`, … after the first, the
 * first being a key that is already kebab-case when there is one.
 * Keys that normalise to a reserved id are left to the caller (`reserved` in the result).
 */
export function assignVendorIds(keys: Iterable<string>, reservedIds: ReadonlySet<string>): { ids: Map<string, string>; reserved: Map<string, string> } {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const id = toVendorId(key);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [key]);
    else group.push(key);
  }
  const ids = new Map<string, string>();
  const reserved = new Map<string, string>();
  const taken = new Set(reservedIds);
  for (const id of [...groups.keys()].sort()) taken.add(id);
  for (const id of [...groups.keys()].sort()) {
    const group = groups.get(id)!.sort((a, b) => Number(b === id) - Number(a === id) || (a < b ? -1 : a > b ? 1 : 0));
    let next = 2;
    group.forEach((key, i) => {
      if (i === 0 && reservedIds.has(id)) {
        reserved.set(key, id);
        return;
      }
      if (i === 0) {
        ids.set(key, id);
        return;
      }
      while (taken.has(`${id}-${next}`)) next += 1;
      taken.add(`${id}-${next}`);
      ids.set(key, `${id}-${next}`);
    });
  }
  return { ids, reserved };
}
