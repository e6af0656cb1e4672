import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../ingest/chunk-document.ts';
import { passage } from './answer-fixtures.ts';
import { DEFAULT_LABELS } from './compose-answer.ts';
import { contentWords, overlap } from './content-words.ts';
import { quoteAnswer } from './extractive.ts';

const salon = passage(
  'We are open from 9:00 to 18:00, Monday to Saturday. A haircut costs R150 and colouring starts at R400. ' +
    'Please arrive ten minutes early.',
  { documentTitle: 'Opening hours.pdf', chunkId: 'salon-0', documentId: 'doc-salon' },
);

const quote = (question: string, passages = [salon], maxChars = 700) =>
  quoteAnswer(question, passages, maxChars, DEFAULT_LABELS).answer;

describe('quoteAnswer', () => {
  it('quotes the sentence that answers, marked as a quotation', () => {
    expect(quote('What is the price of a haircut?')).toBe(
      'From “Opening hours.pdf”:\n“A haircut costs R150 and colouring starts at R400.”',
    );
    expect(quote('When are you open on Saturday?')).toBe(
      'From “Opening hours.pdf”:\n“We are open from 9:00 to 18:00, Monday to Saturday.”',
    );
    expect(quoteAnswer('Haircut?', [salon], 700, DEFAULT_LABELS).citations).toEqual([
      { n: 1, documentId: 'doc-salon', documentTitle: 'Opening hours.pdf', chunkId: 'salon-0' },
    ]);
  });

  it('matches words across inflections and accents', () => {
    const pt = passage('Abrimos às 9h. O corte de cabelo custa R$150.');
    expect(quote('Quanto custa um córte?', [pt])).toBe('From “Salon.pdf”:\n“O corte de cabelo custa R$150.”');
    expect(quote('What are your opening times?')).toContain('We are open from 9:00');
  });

  it('matches a short word to its plural only', () => {
    const rules = passage(
      'Well-behaved dogs are welcome for 10 euros a night. Children under 4 stay free. Parking is by card only.',
    );
    expect(quote('Can I bring my dog?', [rules])).toBe(
      'From “Salon.pdf”:\n“Well-behaved dogs are welcome for 10 euros a night.”',
    );
    expect(overlap(contentWords('my car'), contentWords('by card'))).toBe(0);
    expect(overlap(contentWords('a bus'), contentWords('two buses'))).toBe(1);
  });

  it('quotes sentences in their order, marking a gap', () => {
    expect(quote('Haircut hours on Saturday?')).toBe(
      'From “Opening hours.pdf”:\n“We are open from 9:00 to 18:00, Monday to Saturday. A haircut costs R150 and colouring starts at R400.”',
    );
    expect(quote('Open early?')).toBe(
      'From “Opening hours.pdf”:\n“We are open from 9:00 to 18:00, Monday to Saturday. … Please arrive ten minutes early.”',
    );
  });

  it('leaves out the title and heading line the chunker puts before the text it embeds', () => {
    const [chunk] = chunkDocument({
      title: 'Salon prices',
      mimeType: 'text/markdown',
      sections: [{ headingPath: ['Hair'], blocks: [{ kind: 'paragraph', text: 'A haircut costs R150.' }] }],
    });
    expect(chunk?.text).toBe('Salon prices — Hair\n\nA haircut costs R150.');
    const embedded = passage(chunk!.text, { documentTitle: 'Salon prices.pdf' });
    expect(quote('Salon hair prices?', [embedded])).toBe('From “Salon prices.pdf”:\n“A haircut costs R150.”');
    const titleOnly = passage('Salon prices\n\nWe cut hair. Prices: see the board.');
    expect(quote('Salon hair prices?', [titleOnly])).toBe('From “Salon.pdf”:\n“We cut hair. Prices: see the board.”');
  });

  it('leaves out the heading lines of merged subsections', () => {
    const merged = passage('Prices\nHair › Prices\nA haircut costs R150.');
    expect(quote('Hair prices?', [merged])).toBe('From “Salon.pdf”:\n“Prices\nA haircut costs R150.”');
  });

  it('quotes the passage holding the best sentence, the earlier one on a tie', () => {
    const parking = passage('Parking is free behind the salon.', { documentTitle: 'Parking.pdf' });
    expect(quote('Where do I park for free?', [salon, parking])).toBe(
      'From “Parking.pdf”:\n“Parking is free behind the salon.”',
    );
    const alsoHaircut = passage('Every haircut includes a wash.', { documentTitle: 'Extras.pdf' });
    expect(quote('Haircut?', [alsoHaircut, salon])).toBe('From “Extras.pdf”:\n“Every haircut includes a wash.”');
  });

  it('quotes the opening sentences of the first passage when no word matches', () => {
    expect(quote('Xyzzy?', [salon], 130)).toBe(
      'From “Opening hours.pdf”:\n“We are open from 9:00 to 18:00, Monday to Saturday.”',
    );
  });

  it('stays within the length asked for', () => {
    const long = passage(
      Array.from({ length: 20 }, (_, i) => `Haircut style ${i} costs R${100 + i} for short or long hair alike.`).join(
        ' ',
      ),
    );
    const answer = quote('Haircut cost?', [long], 200);
    expect(answer.length).toBeLessThanOrEqual(200);
    expect(answer).toMatch(/^From “Salon\.pdf”:\n“Haircut style 0 costs R100 for short or long hair alike\. /);

    const oneLongSentence = passage(`A haircut costs R150 ${'and a wash is included '.repeat(40)}.`);
    const cut = quote('Haircut?', [oneLongSentence], 150);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(cut).toMatch(/^From “Salon\.pdf”:\n“A haircut costs R150 and a wash .*…”$/);
  });
});
