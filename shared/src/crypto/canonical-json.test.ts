import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalBytes, canonicalize } from './canonical-json.js';

/** The IEEE 754 double with the given 64-bit pattern (RFC 8785 Appendix B lists them so). */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonical JSON (RFC 8785)', () => {
  it('writes the RFC 3.2.2 example exactly', () => {
    // The input of RFC 8785 §3.2.2 parsed by JSON.parse, and its canonical output.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts property names by UTF-16 code units as in the RFC 3.2.3 example', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign",' +
        '"😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises the numbers of RFC Appendix B as ECMAScript does', () => {
    const cases: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of cases) expect(canonicalize(double(bits)), bits).toBe(expected);
  });

  it('writes 1e21 in exponent form and negative zero as 0', () => {
    expect(canonicalize([1e21, 1e20, -0, 0.1 + 0.2, 1e-7, 123e-20])).toBe(
      '[1e+21,100000000000000000000,0,0.30000000000000004,1e-7,1.23e-18]',
    );
  });

  it('refuses NaN and infinities', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => canonicalize({ n: bad })).toThrow(CanonicalJsonError);
    }
  });

  it('gives the same text whatever order the keys were written in, at every depth', () => {
    const a = { b: [1, { z: true, a: null }, [[], [{}]]], a: { y: 'x', x: 'y' } };
    const b = { a: { x: 'y', y: 'x' }, b: [1, { a: null, z: true }, [[], [{}]]] };
    expect(canonicalize(a)).toBe(canonicalize(b));
    expect(canonicalize(a)).toBe('{"a":{"x":"y","y":"x"},"b":[1,{"a":null,"z":true},[[],[{}]]]}');
  });

  it('keeps unicode as itself and escapes only quotes, backslashes and control characters', () => {
    expect(canonicalize('Ĳsselmeer “quote” \u2028 é\u0301 😀 \u007f \b\f\t\u0001')).toBe(
      '"Ĳsselmeer “quote” \u2028 é\u0301 😀 \u007f \\b\\f\\t\\u0001"',
    );
  });

  it('refuses lone surrogates, which are not I-JSON', () => {
    expect(() => canonicalize('\ud83d')).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ ['\ude00']: 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalize('a\ude00b')).toThrow(CanonicalJsonError);
  });

  it('leaves out undefined properties but refuses what JSON cannot hold', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalize([undefined])).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ d: new Date(0) })).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ m: new Map() })).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ f: () => 1 })).toThrow(CanonicalJsonError);
    expect(() => canonicalize({ n: 1n })).toThrow(CanonicalJsonError);
    expect(canonicalize(Object.assign(Object.create(null), { k: 'v' }))).toBe('{"k":"v"}');
  });

  it('encodes the canonical text as UTF-8', () => {
    expect([...canonicalBytes({ k: 'é😀' })]).toEqual([
      ...[0x7b, 0x22, 0x6b, 0x22, 0x3a, 0x22],
      ...[0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80],
      ...[0x22, 0x7d],
    ]);
    const text = canonicalize({ s: 'Maas € ĳ 😀 \u0000' });
    expect(new TextDecoder().decode(canonicalBytes({ s: 'Maas € ĳ 😀 \u0000' }))).toBe(text);
  });
});
