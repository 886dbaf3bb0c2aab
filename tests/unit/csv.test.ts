import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/reports/csv";

describe("CSV cells (RFC 4180)", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["crlf\r\nend", '"crlf\r\nend"'],
    ["Zoë Ångström", "Zoë Ångström"],
  ])("%j → %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes nothing for a missing value and numbers as they are", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(-5)).toBe("-5");
  });

  it("ends each record with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});

describe("formula injection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", `"'\rcmd"`],
    ['=HYPERLINK("http://evil.test","x")', `"'=HYPERLINK(""http://evil.test"",""x"")"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("%j is text, never a formula: %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("leaves such characters alone when they are not first", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("x@example.test")).toBe("x@example.test");
    expect(csvCell("Mary-Jane")).toBe("Mary-Jane");
  });
});
