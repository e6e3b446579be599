/**
 * Text as the merchant meant it. A Japanese IME types letters, digits, `@`, `.` and spaces in
 * full width (`ＤＥＭＯ０００１`, `ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ`, `　`); NFKC makes them the
 * half-width ones, and the blanks around (the ideographic space included) are dropped.
 * Never for passwords: a password is judged as typed, and the policy refuses full width.
 */
export const asTyped = (text: string): string => text.normalize('NFKC').trim();
