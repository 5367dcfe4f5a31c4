import { redactPII } from '../privacy/redact.js';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.js';
import { analysisText, checkStageOrder, createPipeline, type PipelineOptions } from './pipeline.js';
import type { Stage } from './record.js';

describe('pipeline', () => {
  it('fills every field of the analysis', () => {
    const a = createPipeline().analyze('I love this grinder but the hopper is flimsy. Would buy again from Amazon.');
    expect(Object.keys(a).sort()).toEqual([
      'aspects',
      'attributes',
      'intents',
      'lang',
      'phrases',
      'sentences',
      'sentiment',
      'signals',
      'supported',
    ]);
    expect(a.lang).toBe('en');
    expect(a.supported).toBe(true);
    expect(a.sentences).toHaveLength(2);
    expect(a.aspects.length).toBeGreaterThan(0);
    expect(a.attributes.map((x) => x.type)).toEqual(expect.arrayContaining(['loyalty', 'channel']));
    expect(a.intents.length).toBeGreaterThan(0);
    expect(a.signals).toEqual({ incentivised: false, duplicate: false });
  });

  it('gives lower-cased key phrases: aspects with their opinion and opinion expressions with their negation', () => {
    const { phrases } = createPipeline().analyze('The battery life is not worth it. Customer service was rude and it stopped working.');
    expect(phrases).toEqual(expect.arrayContaining(['battery life', 'customer service', 'customer service was rude', 'stopped working']));
    // A lone opinion word says how, not what.
    expect(phrases).not.toContain('rude');
    expect(phrases.some((p) => p.startsWith('not '))).toBe(true);
    for (const p of phrases) {
      expect(p).toBe(p.toLowerCase());
      expect(p.split(' ').length).toBeLessThanOrEqual(4);
      expect(p.split(' ')).not.toContain('the');
    }
  });

  it('makes no phrase or aspect of what redaction left ("[email]", "[phone]")', () => {
    const p = createPipeline({ aspects: { contact: ['email', 'phone'] } });
    const a = p.analyze(`Refund please: ${redactPII('write to dana@example.org or ring 919-555-0143')}. Useless support.`, { lang: 'en' });
    expect(a.phrases.filter((x) => /email|phone/.test(x))).toEqual([]);
    expect(a.aspects.filter((x) => x.category === 'contact')).toEqual([]);
    // The words themselves still count.
    expect(p.analyze('The phone was useless.', { lang: 'en' }).aspects.map((x) => x.category)).toContain('contact');
  });

  it('handles empty and odd input', () => {
    const p = createPipeline();
    for (const text of ['', '   ', '!!!', '\n\n']) {
      const a = p.analyze(text);
      expect(a.sentiment).toEqual({ label: 'neutral', score: 0, confidence: 0 });
      expect(a.lang).toBe('und');
    }
  });

  it('rejects unknown and malformed options with every problem, naming the option type', () => {
    expect(() => createPipeline({ aspect: {} } as unknown as PipelineOptions)).toThrow(/PipelineOptions: .*aspect/);
    expect(() => createPipeline({ aspect: {} } as unknown as PipelineOptions)).toThrow(ConfigError);
    try {
      createPipeline({ aspects: { price: [] }, competitors: [{ id: '', names: ['X'] }] });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems;
      expect(problems.length).toBeGreaterThanOrEqual(2);
      expect(problems.every((p) => p.startsWith('PipelineOptions.'))).toBe(true);
      expect(problems.join('\n')).toMatch(/PipelineOptions\.aspects\.price/);
    }
  });

  it('checks the stage order once, when built', () => {
    const stage = (name: string, reads: Stage['reads'], writes: Stage['writes']): Stage => ({ name, reads, writes, run: () => undefined });
    expect(checkStageOrder([stage('a', [], ['lang']), stage('b', ['lang'], ['sentences'])])).toEqual([]);
    expect(checkStageOrder([stage('b', ['lang'], ['sentences']), stage('a', [], ['lang'])])).toEqual([
      'stage "b" reads "lang", which no earlier stage writes',
    ]);
    expect(checkStageOrder([stage('a', [], ['lang']), stage('c', [], ['lang'])])).toEqual([
      'stage "c" writes "lang", already written by "a"',
    ]);
  });

  it('has a version and analyses title and body together', () => {
    expect(createPipeline().version).toMatch(/\d+\.\d+\.\d+/);
    expect(analysisText({ title: 'Great grinder', body: 'Quiet and fast.' })).toBe('Great grinder\nQuiet and fast.');
    expect(analysisText({ body: 'Quiet and fast.' })).toBe('Quiet and fast.');
    expect(analysisText({ title: 'Quiet', body: 'Quiet and fast.' })).toBe('Quiet and fast.');
    const text = analysisText({ title: 'Awful', body: 'The lid broke.' });
    const a = createPipeline().analyze(text);
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Awful', 'The lid broke.']);
  });
});
