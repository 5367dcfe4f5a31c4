import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../analyzers/pipeline.js';
import type { AspectMention } from '../../domain/types.js';
import type { ReportRow } from '../model.js';
import { buildFeatureSpace, groupMembers } from './features.js';
import { analysed } from './fixture-rows.js';

const pipeline = createPipeline();
let n = 0;

/** An analysed review in a language, with aspect mentions as an aspect stage would give them. */
function review(lang: string, body: string, aspects: AspectMention[] = []): ReportRow {
  const id = `r${++n}`;
  const row = analysed(
    {
      kind: 'review',
      origin: 'import',
      sourceId: `import-${lang}`,
      site: 'import',
      url: `import:${id}`,
      siteId: id,
      brand: 'cafe',
      body,
      lang,
      fetchedAt: '2025-01-01T00:00:00Z',
    },
    pipeline,
  );
  row.analysis!.aspects = aspects;
  return row;
}

const price = (term: string, polarity: 'positive' | 'negative'): AspectMention => ({
  term,
  category: 'price',
  polarity,
  score: polarity === 'positive' ? 0.6 : -0.6,
  opinions: [polarity === 'positive' ? 'ok' : 'bad'],
});

describe('persona features across languages', () => {
  it('counts an aspect category as one feature whatever the language its reviews are in', () => {
    const rows = [
      ...Array.from({ length: 30 }, () => review('en', 'The price was too high for a small coffee.', [price('price', 'negative')])),
      ...Array.from({ length: 30 }, () => review('ru', 'Цена слишком высокая для маленькой чашки кофе.', [price('цена', 'negative')])),
      ...Array.from({ length: 30 }, () => review('zh', '价格太贵了，一杯小咖啡而已。', [price('价格', 'negative')])),
      ...Array.from({ length: 30 }, () => review('en', 'Lovely staff and a quiet room.')),
    ];
    const { members } = groupMembers(rows);
    const space = buildFeatureSpace(members, { minSupport: 3 });
    const care = space.features.filter((f) => f.key === 'price' && f.kind === 'care');
    expect(care).toHaveLength(1);
    expect(care[0]!.support).toBe(90);
    expect(space.features.find((f) => f.name === 'hate:price')?.support).toBe(90);
    expect(space.unobservable).toEqual([]);
  });

  it("leaves out the features one sizeable language's reviews cannot show, and says which", () => {
    // Russian reviews without any aspect mention (as before Russian aspects were extracted): the
    // English price-minded reviewers and the Russian ones who recommend the place would otherwise
    // be two segments that are really two languages.
    const rows = [
      ...Array.from({ length: 40 }, () => review('en', 'Fair price, I recommend it to everyone.', [price('price', 'positive')])),
      ...Array.from({ length: 40 }, () => review('ru', 'Рекомендую всем, цены приятные.')),
    ];
    const { members } = groupMembers(rows);
    const space = buildFeatureSpace(members, { minSupport: 3 });
    expect(space.features.map((f) => f.name)).not.toContain('care:price');
    expect(space.unobservable).toContainEqual({ feature: 'care:price', languages: ['ru'] });
    expect(space.unobservable.every((u) => /^(?:care|love|hate):/.test(u.feature))).toBe(true);
  });

  it('keeps a feature whose rate merely differs between languages: that is a finding', () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => review('en', i < 4 ? 'I recommend it to everyone.' : 'It was fine.')),
      ...Array.from({ length: 40 }, (_, i) => review('ru', i < 30 ? 'Рекомендую всем!' : 'Было нормально.')),
    ];
    const { members } = groupMembers(rows);
    const space = buildFeatureSpace(members, { minSupport: 3 });
    expect(space.features.map((f) => f.name)).toContain('attr:loyalty=recommends');
    expect(space.unobservable).toEqual([]);
  });

  it('changes nothing for a population in one language', () => {
    const rows = Array.from({ length: 40 }, (_, i) => review('ru', i % 2 ? 'Рекомендую всем!' : 'Обязательно вернемся.'));
    const { members } = groupMembers(rows);
    expect(buildFeatureSpace(members, { minSupport: 3 }).unobservable).toEqual([]);
  });
});
