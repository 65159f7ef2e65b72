import { describe, expect, it } from 'vitest';
import { type Block, type Inline, markupToPlainText, parseMarkup, safeHref } from './markup.js';

const text = (t: string): Inline => ({ type: 'text', text: t });

/** Every link in the tree. */
function links(blocks: Block[]): Extract<Inline, { type: 'link' }>[] {
  const inlines = blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : b.items.flat()));
  return inlines.filter((i): i is Extract<Inline, { type: 'link' }> => i.type === 'link');
}

/** All text a reader would see, in order. */
function visible(blocks: Block[]): string {
  return markupToPlainText(blocks);
}

describe('markup', () => {
  it('splits paragraphs on a blank line and keeps single line breaks', () => {
    expect(parseMarkup('Beste buren,\nwelkom!\n\n\nTot zaterdag.')).toEqual([
      { type: 'paragraph', inlines: [text('Beste buren,\nwelkom!')] },
      { type: 'paragraph', inlines: [text('Tot zaterdag.')] },
    ]);
  });

  it('makes bullet and numbered lists', () => {
    expect(
      parseMarkup('Meenemen:\n- laarzen\n* handschoenen\n\n1. verzamelen\n2. prikken'),
    ).toEqual([
      { type: 'paragraph', inlines: [text('Meenemen:')] },
      { type: 'list', ordered: false, items: [[text('laarzen')], [text('handschoenen')]] },
      { type: 'list', ordered: true, items: [[text('verzamelen')], [text('prikken')]] },
    ]);
  });

  it('formats bold and italic, but leaves snake_case and lone stars alone', () => {
    expect(parseMarkup('**Let op:** de _nieuwe_ tijd is 10:00')).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { type: 'bold', text: 'Let op:' },
          text(' de '),
          { type: 'italic', text: 'nieuwe' },
          text(' tijd is 10:00'),
        ],
      },
    ]);
    expect(parseMarkup('bestand_naam_hier en 2 * 3 * 4 en ** niks **')).toEqual([
      { type: 'paragraph', inlines: [text('bestand_naam_hier en 2 * 3 * 4 en ** niks **')] },
    ]);
  });

  it('links bare web addresses without the sentence’s punctuation', () => {
    const blocks = parseMarkup(
      'Zie https://www.mookenmiddelaar.nl/afval. Of (https://x.nl/a_(b)).',
    );
    expect(links(blocks).map((l) => l.href)).toEqual([
      'https://www.mookenmiddelaar.nl/afval',
      'https://x.nl/a_(b)',
    ]);
    expect(visible(blocks)).toBe(
      'Zie https://www.mookenmiddelaar.nl/afval. Of (https://x.nl/a_(b)).',
    );
  });

  it('links text to http, https and mailto addresses', () => {
    const blocks = parseMarkup(
      '[Aanmelden](https://buurthub.nl/aanmelden?x=1) of [mail Anja](mailto:anja@maasburen.nl)',
    );
    expect(links(blocks)).toEqual([
      { type: 'link', href: 'https://buurthub.nl/aanmelden?x=1', text: 'Aanmelden' },
      { type: 'link', href: 'mailto:anja@maasburen.nl', text: 'mail Anja' },
    ]);
    expect(visible(blocks)).toBe(
      'Aanmelden (https://buurthub.nl/aanmelden?x=1) of mail Anja (anja@maasburen.nl)',
    );
  });

  it('writes lists as lines for feeds', () => {
    expect(markupToPlainText(parseMarkup('Agenda\n\n1. koffie\n2. **vergadering**'))).toBe(
      'Agenda\n\n1. koffie\n2. vergadering',
    );
  });

  describe('with hostile input', () => {
    const payloads: [string, string][] = [
      ['a script tag', '<script>alert(1)</script>'],
      ['an image with onerror', '<img src=x onerror=alert(1)>'],
      ['an svg with onload', '<svg/onload=alert(1)>'],
      ['a javascript: link', '[klik](javascript:alert(1))'],
      ['a javascript: link without parentheses', '[klik](javascript:alert`1`)'],
      ['a mixed-case javascript: link', '[klik](JaVaScRiPt:alert%281%29)'],
      ['a bare javascript: address', 'javascript:alert(document.cookie)'],
      ['a data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
      ['a vbscript: link', '[x](vbscript:msgbox)'],
      ['a protocol-relative link', '[x](//evil.example/steal)'],
      ['a relative link', '[x](/admin)'],
      ['an entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
      ['a tab inside the scheme', '[x](java\tscript:alert(1))'],
      ['a NUL inside the scheme', '[x](java\u0000script:alert(1))'],
      ['a control character before the scheme', '[x](\u0001javascript:alert(1))'],
      ['a zero-width space in the scheme', '[x](java\u200Bscript:alert(1))'],
      ['full-width letters', '[x](ｊａｖａｓｃｒｉｐｔ:alert(1))'],
      ['a quote breaking out of an attribute', '[x](https://x.nl/"onmouseover="alert(1))'],
      ['a mailto: wrapping javascript', '[x](mailto:javascript:alert(1))'],
      ['an HTML-looking bold', '**<b onclick=alert(1)>vet</b>**'],
    ];

    for (const [name, payload] of payloads) {
      it(`keeps ${name} as inert text`, () => {
        const blocks = parseMarkup(payload);
        for (const link of links(blocks)) expect(link.href).toMatch(/^(https?:\/\/|mailto:)/);
        expect(links(blocks).filter((l) => !l.href.startsWith('https://x.nl/'))).toEqual([]);
        // Nothing is lost either: the reader sees what was typed (minus invisible controls).
        expect(visible(blocks)).toBe(
          // eslint-disable-next-line no-control-regex
          payload.replace(/[\u0000-\u0008]/g, '').replace(/^\*\*(.*)\*\*$/, '$1'),
        );
      });
    }

    it('does not link a look-alike host or a hidden user@ part', () => {
      expect(links(parseMarkup('https://gеmeente.nl/login'))).toEqual([]); // Cyrillic е
      expect(links(parseMarkup('[gemeente](https://mookenmiddelaar.nl@evil.example/)'))).toEqual(
        [],
      );
      expect(links(parseMarkup('https://mookenmiddelaar.nl@evil.example/'))).toEqual([]);
    });

    it('shows the real address when link text pretends to be another one', () => {
      for (const label of ['https://mookenmiddelaar.nl', 'mookenmiddelaar.nl', 'www.bank.nl']) {
        expect(links(parseMarkup(`[${label}](https://evil.example/x)`))).toEqual([
          { type: 'link', href: 'https://evil.example/x', text: 'https://evil.example/x' },
        ]);
      }
    });

    it('drops bidi overrides and control characters from text', () => {
      const [block] = parseMarkup('factuur\u202Efdp.exe\u0007 en\u2066 meer');
      expect(block).toEqual({ type: 'paragraph', inlines: [text('factuurfdp.exe en meer')] });
    });

    it('refuses every scheme but http, https and mailto', () => {
      expect(safeHref('HTTPS://x.nl/A')).toBe('https://x.nl/A');
      for (const href of [
        'javascript:alert(1)',
        'data:text/html,x',
        'file:///etc/passwd',
        'ftp://x.nl',
        'http://',
        'https://localhost',
        ' https://x.nl',
        'https://x.nl/\u2028',
        'https://x.nl\\@evil.example',
      ]) {
        expect(safeHref(href), href).toBeNull();
      }
    });

    it('never yields a dangerous link from random mixes of hostile fragments (seeded)', () => {
      const seed = 1234567;
      let state = seed;
      const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const fragments = [
        '[',
        ']',
        '(',
        ')',
        '**',
        '_',
        '\n',
        '\n\n',
        '- ',
        '1. ',
        'javascript:',
        'JAVASCRIPT:',
        'data:',
        'https://',
        'http://x.nl',
        'mailto:',
        'a@b.nl',
        '<script>',
        '"',
        "'",
        '\u0000',
        '\u202E',
        '\u200B',
        'alert(1)',
        'x.nl',
        ' ',
        'é',
      ];
      for (let round = 0; round < 500; round++) {
        let source = '';
        const length = 1 + Math.floor(random() * 14);
        for (let n = 0; n < length; n++) {
          source += fragments[Math.floor(random() * fragments.length)];
        }
        const blocks = parseMarkup(source);
        for (const link of links(blocks)) {
          expect(link.href, `seed ${seed}, round ${round}: ${JSON.stringify(source)}`).toMatch(
            /^(https?:\/\/[A-Za-z0-9.-]+\.[A-Za-z0-9-]{2,63}([:/?#][^\s"'<>`\\]*)?|mailto:[^\s"'<>:]+@[A-Za-z0-9.-]+)$/,
          );
        }
        // eslint-disable-next-line no-control-regex
        expect(markupToPlainText(blocks)).not.toMatch(/[\u0000\u202E]/);
      }
    });
  });
});
