import { describe, expect, it } from 'vitest';
import type { Sentiment } from '../../domain/types.js';
import { createPipeline } from '../pipeline.js';
import type { AnalysisRecord } from '../record.js';
import { sentencesStage } from './sentences.js';
import { documentSentiment, scoreSentences } from './sentiment.js';

const pipeline = createPipeline();
const analyze = (text: string, lang = 'en') => pipeline.analyze(text, { lang });
const label = (text: string, lang = 'en') => analyze(text, lang).sentiment.label;
const score = (text: string, lang = 'en') => analyze(text, lang).sentiment.score;
/** The rules' own verdict (the lexicon scorer, before the trained model reads it). */
function rules(text: string): Sentiment {
  const record: AnalysisRecord = { text, lang: 'en', supported: true };
  sentencesStage().run(record);
  const sentences = record.sentences ?? [];
  scoreSentences(sentences, 'en', text);
  return documentSentiment(sentences);
}

describe('English sentiment', () => {
  it('scores plain praise and complaints', () => {
    expect(label('I love this kettle, it boils fast and looks lovely.')).toBe('positive');
    expect(label('Terrible support, they never answered my emails.')).toBe('negative');
  });

  it('respects negation and its scope', () => {
    expect(label('This is not good.')).toBe('negative');
    expect(label('Not bad at all.')).toBe('positive');
    expect(label("It doesn't work.")).toBe('negative');
    expect(label('I would not recommend it.')).toBe('negative');
    expect(label('No complaints so far.')).toBe('positive');
    expect(label('Never disappoints.')).toBe('positive');
    // A negator reaches a few words, not across a new clause.
    expect(label("I wasn't sure at first, but it is great.")).toBe('positive');
    expect(label('There is no light indicator, which is really disappointing.')).toBe('negative');
    expect(label('This fixes all the problems I had.')).toBe('positive');
  });

  it('weighs intensifiers up and diminishers down', () => {
    expect(score('The coffee is very good.')).toBeGreaterThan(score('The coffee is good.'));
    expect(score('The coffee is good.')).toBeGreaterThan(score('The coffee is slightly good.'));
    expect(score('The coffee is extremely bad.')).toBeLessThan(score('The coffee is bad.'));
  });

  it('reads words that are also names of JavaScript object members as plain words', () => {
    // "constructor" once read as an intensifier found on an object's prototype, and gave NaN.
    for (const text of ['The constructor was great, very helpful.', 'The toString valueOf hasOwnProperty __proto__ bit is great.']) {
      const r = analyze(text);
      expect(r.sentiment.label).toBe('positive');
      for (const s of [r.sentiment, ...r.sentences.map((x) => x.sentiment)]) {
        expect(Number.isFinite(s.score) && Number.isFinite(s.confidence)).toBe(true);
      }
    }
  });

  it('lets the clause after "but" weigh more', () => {
    expect(label('The design is nice but the motor is terrible.')).toBe('negative');
    expect(label('The motor is terrible but the design is nice and the price is great.')).toBe('positive');
    expect(label('It was a bit pricey, however the quality is excellent.')).toBe('positive');
    expect(label('Although the price is great, it broke after a week.')).toBe('negative');
    expect(label('Loved the colour. Unfortunately it stopped working after two days.')).toBe('negative');
  });

  it('reads emoji, emoticons and exclamation marks', () => {
    expect(label('Arrived today 😍')).toBe('positive');
    expect(label('Arrived today 👎')).toBe('negative');
    expect(label('Arrived today :(')).toBe('negative');
    expect(label('Arrived today :-)')).toBe('positive');
    expect(score('Great blender!!!')).toBeGreaterThan(score('Great blender.'));
  });

  it('knows review phrases', () => {
    expect(label('Stopped working after a month.')).toBe('negative');
    expect(label('Total waste of money.')).toBe('negative');
    expect(label('Worth every penny.')).toBe('positive');
    expect(label('I returned it the next day.')).toBe('negative');
    expect(label('Broke after 3 days.')).toBe('negative');
    expect(label("Don't waste your money on this.")).toBe('negative');
    expect(label('Runs small, order a size up.')).toBe('negative');
    expect(label('Too small for my hands.')).toBe('negative');
    expect(label('Will definitely order from them again!')).toBe('positive');
    // An irrealis frame turns praise: the rules read a complaint, and the score leans that way.
    expect(rules('Would have been great if the lid fit.').label).toBe('negative');
    expect(score('Would have been great if the lid fit.')).toBeLessThan(0);
  });

  it('knows order, delivery and booking complaints in either spelling', () => {
    expect(label('Our flight got canceled and we had to rebook ourselves.')).toBe('negative');
    expect(label('Our flight got cancelled and we had to rebook ourselves.')).toBe('negative');
    expect(label('Three delays on one trip.')).toBe('negative');
    expect(label('We were stranded at the gate overnight.')).toBe('negative');
    expect(label('Still waiting for a callback after two days.')).toBe('negative');
    expect(label('Thanks for nothing.')).toBe('negative');
    expect(label("@shop my order hasn't shipped yet and it's been 2 weeks")).toBe('negative');
    expect(label('Ordered on the 3rd and still have not received it.')).toBe('negative');
    expect(label("@telco can't get through to anyone on the phone")).toBe('negative');
    expect(label('Why is your app down again?')).toBe('negative');
    expect(label('Not canceled after all, great news!')).toBe('positive');
    expect(label('Still no complaints after a year.')).toBe('positive');
  });

  it('reads ironic praise as the complaint it is, and sincere praise beside a reservation as praise', () => {
    // Praise standing alone beside nothing but complaint.
    expect(label('Great, another cancelled flight.')).toBe('negative');
    expect(label('45 minutes on hold. Awesome.')).toBe('negative');
    expect(label('Oh perfect, the zipper broke on the first day.')).toBe('negative');
    // Thanks for, or love how, a complaint.
    expect(label('Thanks for the three hour delay.')).toBe('negative');
    expect(label('@shop thanks for the 3 hour delay, really appreciate it')).toBe('negative');
    expect(label('Love how my parcel went missing for a week.')).toBe('negative');
    // Sincere: a reservation, a negated complaint, praise of the thing itself, a concession.
    expect(label('Great! Only wish the strap were longer.')).toBe('positive');
    expect(label('Perfect! Not too big, not too small.')).toBe('positive');
    expect(label('Love how light it is.')).toBe('positive');
    expect(label('Awesome! Arrived a day early and fits perfectly.')).toBe('positive');
    expect(label('Love it, although the box was dented.')).toBe('positive');
    // A bare "Thanks" beside a complaint is politeness: it counts for nothing either way.
    expect(label('My order has not arrived, can you check? Thanks!')).toBe('negative');
    expect(label('Love the new seats, thanks!')).toBe('positive');
  });

  it("reads a stated wait as a complaint, unless it was the writer's choice", () => {
    expect(label('We waited two hours for a table.')).toBe('negative');
    expect(label('Sat on the tarmac for three hours with no water.')).toBe('negative');
    expect(label('A couple of hours in the queue just to return a kettle.')).toBe('negative');
    expect(label('I waited a month before writing this review and it still works great.')).toBe('positive');
    expect(rules('The battery lasts ten hours.').label).not.toBe('negative');
    expect(label('Got upgraded today, made my week!')).toBe('positive');
  });

  it('reads a bare thanks in a request as politeness, and thanks for something as praise', () => {
    expect(label('Can you check my booking? Thanks')).toBe('neutral');
    expect(label('Please resend the invoice, thank you')).toBe('neutral');
    expect(label('Thanks for the quick help, you sorted it in minutes!')).toBe('positive');
    expect(label('Thanks, the new strap fits perfectly.')).toBe('positive');
  });

  it('reads a handle as a name, not an opinion ("@united" is not "united")', () => {
    expect(label('@united when does the gate open?')).toBe('neutral');
    expect(label('@LoveBeauty my parcel arrived')).toBe('neutral');
    expect(label('@united thanks, great crew today!')).toBe('positive');
    expect(label('@united my bag is lost, still waiting')).toBe('negative');
    // A hashtag in humps reads as its words.
    expect(label('Flying home with them tomorrow #NeverAgain')).toBe('negative');
    expect(label('Got my order a day early #LoveIt')).toBe('positive');
  });

  it('lists only single words as words (phrases go with the phrases, or they never match)', async () => {
    const { EN_WORDS } = await import('../sentiment/lexicons/english.js');
    expect(Object.keys(EN_WORDS).filter((w) => /\s/.test(w))).toEqual([]);
  });

  it('reads common misspellings of opinion words', () => {
    expect(label('Very dissapointing.')).toBe('negative');
    expect(label('Excelent buy.')).toBe('positive');
  });

  it('gives every sentence its own verdict, with offsets into the text', () => {
    const text = 'The grinder is loud. The coffee is great!';
    const a = analyze(text);
    expect(a.sentences).toHaveLength(2);
    expect(text.slice(a.sentences[0]!.start, a.sentences[0]!.end)).toBe('The grinder is loud.');
    expect(a.sentences[0]!.sentiment.label).toBe('negative');
    expect(a.sentences[1]!.sentiment.label).toBe('positive');
  });

  it('keeps scores in range and confidence higher for clear texts', () => {
    const clear = analyze('Absolutely love it, best purchase ever, works perfectly!');
    const weak = analyze('It is fine I guess.');
    for (const a of [clear, weak]) {
      expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(a.sentiment.score).toBeLessThanOrEqual(1);
    }
    expect(clear.sentiment.confidence).toBeGreaterThan(weak.sentiment.confidence);
    // No opinion word: neutral, no confidence, and at most a faint lean in the score.
    const plain = analyze('The box is blue.').sentiment;
    expect(plain.label).toBe('neutral');
    expect(plain.confidence).toBe(0);
    expect(Math.abs(plain.score)).toBeLessThan(0.25);
  });
});

describe('other languages', () => {
  it('reads Russian short adjectives and "не" fused to an opinion word', () => {
    expect(label('Суп был вкусен, а хлеб свеж.', 'ru')).toBe('positive');
    expect(label('Двигатель надёжен.', 'ru')).toBe('positive');
    expect(label('Официант был невнимателен.', 'ru')).toBe('negative');
    expect(label('Салат несвежий, хлеб нечистый.', 'ru')).toBe('negative');
    // A negator before a fused "не" turns it back; a word that only starts like one stays neutral.
    expect(label('Кресло не неудобное.', 'ru')).toBe('positive');
    expect(label('Принесли немедленно.', 'ru')).toBe('neutral');
    expect(label('Больше не придём, цены завышены.', 'ru')).toBe('negative');
  });

  it('gives Russian, German, Persian and Chinese a first score', () => {
    expect(label('Кофемолка отличная, очень довольна!', 'ru')).toBe('positive');
    expect(label('Ужасное качество, не рекомендую.', 'ru')).toBe('negative');
    expect(label('Sehr gut, ich bin zufrieden.', 'de')).toBe('positive');
    expect(label('Das Gerät funktioniert nicht, leider kaputt.', 'de')).toBe('negative');
    expect(label('خیلی خوبه، ممنون', 'fa')).toBe('positive');
    expect(label('کیفیتش اصلا خوب نیست', 'fa')).toBe('negative');
    expect(label('房间很干净，服务也很好。', 'zh')).toBe('positive');
    expect(label('质量很差，不推荐。', 'zh')).toBe('negative');
    expect(analyze('Кофемолка отличная', 'ru').supported).toBe(true);
  });

  it('reads a Chinese minor reservation as lighter than a "但是", and a verdict as heavier', () => {
    // "只是", "美中不足的是", "唯一的缺点是": a pleased reviewer's small complaint.
    expect(label('房间干净，服务热情，只是隔音差了一点。', 'zh')).toBe('positive');
    expect(label('唯一的缺点是停车不方便，其他都很好。', 'zh')).toBe('positive');
    expect(score('位置很方便，早餐也不错，美中不足的是隔音不好。', 'zh')).toBeGreaterThan(
      score('位置很方便，早餐也不错，但是隔音不好。', 'zh'),
    );
    // "总的来说", "总之": the verdict outweighs what came before it.
    expect(label('床有点硬，热水也不太稳定，不过总体来说很满意。', 'zh')).toBe('positive');
    expect(label('早餐品种很多，不过总之不会再来了。', 'zh')).toBe('negative');
    expect(label('虽然价格便宜，但是房间太脏了。', 'zh')).toBe('negative');
  });

  it('reads Russian opinion words beyond its own list through the translated AFINN list, by stem', () => {
    expect(label('Это была настоящая катастрофа.', 'ru')).toBe('negative');
    expect(label('Зрители устроили бурные аплодисменты.', 'ru')).toBe('positive');
    expect(label('Полный провал, жуткая трагедия.', 'ru')).toBe('negative');
  });

  it('reads Russian bracket smileys and the words of posts, but not a bracketed aside', () => {
    expect(label('Завтра идём в кино)))', 'ru')).toBe('positive');
    expect(label('Опять дождь((', 'ru')).toBe('negative');
    expect(label('Встреча в пятницу (в шесть вечера) у входа', 'ru')).toBe('neutral');
    expect(label('Ура, каникулы!', 'ru')).toBe('positive');
    expect(label('Мне сегодня так грустно', 'ru')).toBe('negative');
  });

  it('reads "好" before an opinion word as "very", and leans a Chinese text with no opinion word by learned counts without calling it polar', () => {
    expect(label('这个机器人好无聊', 'zh')).toBe('negative');
    expect(label('今天好开心', 'zh')).toBe('positive');
    const plain = analyze('你为什么不回答我', 'zh').sentiment;
    expect(plain.label).toBe('neutral');
    expect(plain.confidence).toBe(0);
    expect(plain.score).toBeLessThan(0);
    expect(Math.abs(plain.score)).toBeLessThanOrEqual(0.25);
  });

  it('does not score an unsupported language as English', () => {
    const a = pipeline.analyze('Ce produit est vraiment nul, je ne le recommande pas.');
    expect(a.lang).toBe('fr');
    expect(a.supported).toBe(false);
    expect(a.sentiment).toEqual({ label: 'neutral', score: 0, confidence: 0 });
    expect(a.sentences.every((s) => s.sentiment.confidence === 0)).toBe(true);
    expect(a.aspects).toEqual([]);
    expect(a.phrases).toEqual([]);
    // English words in the text ("nul" is no English word, "recommande" neither) must not leak a score.
    const und = pipeline.analyze('👍👍👍');
    expect(und.lang).toBe('und');
    expect(und.supported).toBe(false);
    expect(und.sentiment.score).toBe(0);
  });
});
