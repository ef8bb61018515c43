/**
 * The kebab-case vendor id a name normalises to (`vendorIdSchema` in
 * src/policy/schema.ts): `google_analytics` → `google-analytics`, `Ad.Agio` →
 * `ad-agio`, accents dropped (`é` → `e`). The import derives imported vendors'
 * ids with it, and the catalog file leaves out every id that is just its
 * vendor's name normalised, so both sides must use this one function.
 */
export function toVendorId(text: string): string {
  const id = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id === "" ? "vendor" : id;
}
