import { describe, expect, it } from "vitest";
import { accountPageHref, safeReturnPath } from "@/lib/auth/return-path";

describe("safeReturnPath", () => {
  it.each(["/", "/events/the-show", "/search?q=luna%20marquez&when=today", "/account/settings#email"])(
    "keeps the same-origin path %s",
    (path) => expect(safeReturnPath(path)).toBe(path),
  );

  it.each([
    ["an absolute URL", "https://evil.example/phish"],
    ["a protocol-relative URL", "//evil.example/phish"],
    ["a backslash that browsers read as //", "/\\evil.example"],
    ["a relative path", "events/x"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a newline", "/events/x\r\nSet-Cookie: a=b"],
    ["a tab inside //", "/\t/evil.example"],
    ["an empty string", ""],
    ["something too long", `/${"a".repeat(600)}`],
    ["not a string", 42],
    ["nothing", undefined],
  ])("refuses %s", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/");
    expect(safeReturnPath(value, "/account/tickets")).toBe("/account/tickets");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeReturnPath("/events/../admin")).toBe("/admin");
    expect(safeReturnPath("/../../evil")).toBe("/evil");
  });
});

describe("accountPageHref", () => {
  it("returns to the page the visitor is on", () => {
    expect(accountPageHref("signin", { pathname: "/events/the-show", search: "" })).toBe(
      "/signin?callbackUrl=%2Fevents%2Fthe-show",
    );
    expect(accountPageHref("signup", { pathname: "/search", search: "?q=jazz" })).toBe(
      "/signup?callbackUrl=%2Fsearch%3Fq%3Djazz",
    );
  });

  it("has no callback from the home page", () => {
    expect(accountPageHref("signin", { pathname: "/", search: "" })).toBe("/signin");
  });

  it("carries the sign-in page's own destination on instead of returning to the form", () => {
    const here = { pathname: "/signin", search: "?callbackUrl=%2Fevents%2Fx" };
    expect(accountPageHref("signup", here)).toBe("/signup?callbackUrl=%2Fevents%2Fx");
    expect(accountPageHref("signin", { pathname: "/signup", search: "?callbackUrl=https://evil.example" })).toBe(
      "/signin",
    );
  });
});
