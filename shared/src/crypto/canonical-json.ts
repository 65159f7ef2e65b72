/**
 * Canonical JSON after RFC 8785 (JSON Canonicalization Scheme, JCS): the one byte sequence
 * that signatures are made over, so that a signer and a verifier who hold the same data
 * agree on the bytes whatever order the keys came in or how a number was written.
 *
 * - objects: members sorted by their names compared as arrays of UTF-16 code units
 *   (RFC 8785 §3.2.3), written `{"name":value,...}` without whitespace;
 * - numbers: ECMAScript's Number-to-String (§3.2.2.3), so `1e21` → `1e+21`, `-0` → `0`,
 *   `4.50` → `4.5`; NaN and ±Infinity are not JSON and are refused;
 * - strings: only `"`, `\`, and U+0000–U+001F are escaped (`\b \t \n \f \r` by their short
 *   forms, the rest as `\u00xx` in lowercase hex); everything else is written as itself.
 *   A lone surrogate is not I-JSON (§3.1) and is refused;
 * - `true`, `false`, `null` as themselves; arrays in their order.
 *
 * JavaScript specifics: a property whose value is `undefined` is left out (as JSON.stringify
 * does), so an optional field that is absent and one that is `undefined` sign the same.
 * `undefined` inside an array, functions, symbols, bigints and objects that are not plain
 * (Date, Map, class instances) are refused rather than guessed at.
 */

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

/** The RFC 8785 canonical form of `value` as a string. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, out, '$');
  return out.join('');
}

/** The canonical form as UTF-8 bytes: what is signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8Encode(canonicalize(value));
}

function write(value: unknown, out: string[], path: string): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      out.push(serializeNumber(value, path));
      return;
    case 'string':
      out.push(serializeString(value, path));
      return;
    case 'object':
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((item: unknown, index) => {
          if (index > 0) out.push(',');
          if (item === undefined) throw new CanonicalJsonError(`${path}[${index}] is undefined`);
          write(item, out, `${path}[${index}]`);
        });
        out.push(']');
        return;
      }
      writeObject(value, out, path);
      return;
    default:
      throw new CanonicalJsonError(`${path} is a ${typeof value}, which JSON cannot hold`);
  }
}

function writeObject(value: object, out: string[], path: string): void {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path} is not a plain object`);
  }
  const record = value as Record<string, unknown>;
  // The default sort compares strings by UTF-16 code units, exactly what §3.2.3 asks for
  // (not by code points, and not locale-aware).
  const names = Object.keys(record)
    .filter((name) => record[name] !== undefined)
    .sort();
  out.push('{');
  names.forEach((name, index) => {
    if (index > 0) out.push(',');
    out.push(serializeString(name, `${path} (a property name)`), ':');
    write(record[name], out, `${path}.${name}`);
  });
  out.push('}');
}

/**
 * ECMAScript's Number::toString (ECMA-262 §6.1.6.1.20), which RFC 8785 adopts verbatim:
 * the shortest decimal that round-trips, plain notation for 1e-7 <= |x| < 1e21, exponent
 * notation (`1e+21`, `1e-7`) outside it, and `0` for negative zero.
 */
function serializeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path} is ${value}, not JSON`);
  if (Object.is(value, -0)) return '0';
  return String(value);
}

const SHORT_ESCAPES: Record<number, string> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

function serializeString(value: string, path: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const short = SHORT_ESCAPES[unit];
    if (short !== undefined) {
      out += short;
    } else if (unit < 0x20) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw loneSurrogate(path, i);
      out += value[i]! + value[i + 1]!;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw loneSurrogate(path, i);
    } else {
      out += value[i]!;
    }
  }
  return `${out}"`;
}

function loneSurrogate(path: string, index: number): CanonicalJsonError {
  return new CanonicalJsonError(`${path} has a lone surrogate at ${index} (not I-JSON)`);
}

/** UTF-8 of a string without lone surrogates (canonicalize has refused those already). */
export function utf8Encode(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return Uint8Array.from(bytes);
}
