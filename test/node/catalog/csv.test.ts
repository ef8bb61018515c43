import { describe, expect, it } from "vitest";
import { csvObjects, parseCsv } from "../../../scripts/catalog/csv.ts";

describe("parseCsv", () => {
  it("should split fields and records, with LF or CRLF", () => {
    expect(parseCsv("a,b\n1,2\r\n3,\n")).toEqual([["a", "b"], ["1", "2"], ["3", ""]]);
    expect(parseCsv("a,b")).toEqual([["a", "b"]]);
  });

  it("should keep commas, line breaks and doubled quotes inside quoted fields (RFC 4180 §2.5-2.7)", () => {
    expect(parseCsv('x,"a, b","say ""hi""","two\nlines"\n')).toEqual([["x", "a, b", 'say "hi"', "two\nlines"]]);
  });

  it("should drop a byte-order mark and refuse an unterminated quote", () => {
    expect(parseCsv("\uFEFFa\n1\n")).toEqual([["a"], ["1"]]);
    expect(() => parseCsv('a,"open\n')).toThrow(/unterminated quoted field/);
  });

  it("should key records by the header and refuse a record of the wrong width", () => {
    expect(csvObjects("k,v\n1,2\n")).toEqual([{ k: "1", v: "2" }]);
    expect(() => csvObjects("k,v\n1,2,3\n")).toThrow(/record 2 has 3 fields, the header 2/);
  });
});
