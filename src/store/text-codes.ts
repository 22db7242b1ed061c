// Strings of a batch as codes into a list of distinct values: what crosses from a decoding thread as one
// Int32Array and a short list (a message per row would cost more to clone than to decode).

/** Strings of a batch as codes into a list of distinct values (-1 = NULL). */
export interface TextCodes {
  codes: Int32Array;
  values: readonly string[];
}

/** Codes of strings by first appearance. */
export function textCodes(values: ArrayLike<string | null>, n = values.length): TextCodes {
  const index = new Map<string, number>();
  const out: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === null) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(s);
    if (c === undefined) {
      index.set(s, (c = out.length));
      out.push(s);
    }
    codes[i] = c;
  }
  return { codes, values: out };
}
