/**
 * A CSV reader for RFC 4180 files: fields split by commas, records by CRLF or
 * LF, a field in double quotes may hold commas, line breaks and doubled quotes.
 * Throws on an unterminated quoted field rather than guessing.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < input.length) {
    const c = input[i]!;
    if (c === '"' && field === "") {
      // RFC 4180 §2.5-2.7: a quoted field runs to the next quote not doubled.
      const start = i;
      i += 1;
      for (;;) {
        const quote = input.indexOf('"', i);
        if (quote < 0) throw new Error(`CSV: unterminated quoted field starting at offset ${start}`);
        field += input.slice(i, quote);
        if (input[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      continue;
    }
    if (c === ",") endField();
    else if (c === "\n") endRecord();
    else if (c === "\r" && input[i + 1] === "\n") {
      endRecord();
      i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

/** Records as objects keyed by the header row; a record with the wrong number of fields is an error. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((row, i) => {
    if (row.length !== header.length) throw new Error(`CSV: record ${i + 2} has ${row.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, j) => [name, row[j]!]));
  });
}
