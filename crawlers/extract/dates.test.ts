import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.js';

const ref = new Date('2025-03-15T12:00:00Z');

describe('parseDate', () => {
  it.each([
    ['2025-03-12', '2025-03-12'],
    ['2025-03-12T10:20:30Z', '2025-03-12T10:20:30.000Z'],
    ['2025-03-12T10:20:30+01:00', '2025-03-12T09:20:30.000Z'],
    ['2014-11-07T09:16:25', '2014-11-07T09:16:25'],
    ['Thu, 12 Nov 2015 21:16:39 +0000', '2015-11-12T21:16:39.000Z'],
    ['March 12, 2025', '2025-03-12'],
    ['Mar 12th, 2025', '2025-03-12'],
    ['12 March 2025', '2025-03-12'],
    ['Reviewed in the United Kingdom on 8 April 2016', '2016-04-08'],
    ['November 14, 2024 at 3:27 pm', '2024-11-14T15:27:00'],
    ['12.03.2025', '2025-03-12'],
    ['9. März 2025', '2025-03-09'],
    ['3. Dezember 2024', '2024-12-03'],
    ['12 марта 2025 г.', '2025-03-12'],
    ['1 сентября 2023', '2023-09-01'],
    ['2020年12月9日', '2020-12-09'],
    ['2020/12/09', '2020-12-09'],
    ['12 de marzo de 2025', '2025-03-12'],
    ['13/03/2025', '2025-03-13'],
  ])('%s → %s', (input, want) => {
    expect(parseDate(input)).toBe(want);
  });

  it('keeps the time of day written after a numeric date (exports and spreadsheets write them so)', () => {
    expect(parseDate('24-02-2015 11:35')).toBe('2015-02-24T11:35:00');
    expect(parseDate('02/24/2015 9:05 pm')).toBe('2015-02-24T21:05:00');
    expect(parseDate('24.02.2015 11:35')).toBe('2015-02-24T11:35:00');
    expect(parseDate('2015/02/24 14:30:10')).toBe('2015-02-24T14:30:10');
    expect(parseDate('2015年2月24日 14:30')).toBe('2015-02-24T14:30:00');
    // No time, or no valid one: the day only.
    expect(parseDate('24-02-2015')).toBe('2015-02-24');
    expect(parseDate('3/4/2024 25:99')).toBe('2024-03-04');
  });

  it('reads numeric day/month order from the locale', () => {
    expect(parseDate('12/9/2020')).toBe('2020-12-09');
    expect(parseDate('12/9/2020', { locale: 'en-US' })).toBe('2020-12-09');
    expect(parseDate('12/9/2020', { locale: 'en-GB' })).toBe('2020-09-12');
    expect(parseDate('03.04.25', { locale: 'de' })).toBe('2025-04-03');
  });

  it('resolves relative dates against the reference date', () => {
    expect(parseDate('3 hours ago', { referenceDate: ref })).toBe('2025-03-15T09:00:00.000Z');
    expect(parseDate('an hour ago', { referenceDate: ref })).toBe('2025-03-15T11:00:00.000Z');
    expect(parseDate('2 days ago', { referenceDate: ref })).toBe('2025-03-13T12:00:00.000Z');
    expect(parseDate('a month ago', { referenceDate: ref })).toBe('2025-02-15T12:00:00.000Z');
    expect(parseDate('vor 2 Tagen', { referenceDate: ref })).toBe('2025-03-13T12:00:00.000Z');
    expect(parseDate('vor einer Stunde', { referenceDate: ref })).toBe('2025-03-15T11:00:00.000Z');
    expect(parseDate('3 дня назад', { referenceDate: ref })).toBe('2025-03-12T12:00:00.000Z');
    expect(parseDate('час назад', { referenceDate: ref })).toBe('2025-03-15T11:00:00.000Z');
    expect(parseDate('3小时前', { referenceDate: ref })).toBe('2025-03-15T09:00:00.000Z');
    expect(parseDate('yesterday', { referenceDate: ref })).toBe('2025-03-14');
    expect(parseDate('gestern', { referenceDate: ref })).toBe('2025-03-14');
    expect(parseDate('вчера', { referenceDate: ref })).toBe('2025-03-14');
  });

  it('uses a configured format with localized month names', () => {
    expect(parseDate('Bewertet am 05.11.2024', { format: 'DD.MM.YYYY' })).toBe('2024-11-05');
    expect(parseDate('5 ноября 2024', { format: 'D MMMM YYYY', locale: 'ru' })).toBe('2024-11-05');
    expect(parseDate('Nov 5, 2024 10:30', { format: 'MMM D, YYYY HH:mm' })).toBe('2024-11-05T10:30:00');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseDate(1625581068)).toBe('2021-07-06T14:17:48.000Z');
    expect(parseDate(1625581068000)).toBe('2021-07-06T14:17:48.000Z');
    expect(parseDate('1625581068')).toBe('2021-07-06T14:17:48.000Z');
  });

  it('returns undefined for non-dates', () => {
    for (const s of [
      '',
      'Great product',
      '£12.99',
      '4.5 out of 5',
      'Top 5 2020',
      '31/02/2024',
      'I bought it today and love how quiet it is',
      'user1234',
      'Kettle2024',
      '99999999999 years ago',
      '99999999999999 روز پیش',
      '20242024202420242024 d ago',
    ]) {
      expect(parseDate(s, { referenceDate: ref })).toBeUndefined();
    }
    expect(parseDate(undefined)).toBeUndefined();
    expect(parseDate(42)).toBeUndefined();
    // One word still names a day when it is a day word.
    expect(parseDate('Yesterday', { referenceDate: ref })).toBe('2025-03-14');
    expect(parseDate('昨天', { referenceDate: ref })).toBeDefined();
  });
  it('keeps the time written after a day word, and reads C-style stamps and dashed day-month-year dates', () => {
    const referenceDate = new Date('2025-06-01T12:00:00Z');
    expect(parseDate('Today, 10:15 PM', { referenceDate })).toBe('2025-06-01T22:15:00');
    expect(parseDate('Вчера, 22:40', { referenceDate })).toBe('2025-05-31T22:40:00');
    expect(parseDate('Wed Nov 15 08:00:00 +0000 2017')).toBe('2017-11-15T08:00:00.000Z');
    expect(parseDate('25-February-2012 23:07')).toBe('2012-02-25T23:07:00');
    // A day without a year is the latest such day not after the reference.
    expect(parseDate('05/20 21:03', { referenceDate })).toBe('2025-05-20T21:03:00');
    expect(parseDate('12/24 09:00', { referenceDate })).toBe('2024-12-24T09:00:00');
  });
  it('reads Persian dates: their digits, the Solar Hijri calendar and relative times', () => {
    const referenceDate = new Date('2025-06-01T12:00:00Z');
    expect(parseDate('۱۲ مرداد ۱۴۰۲', { referenceDate })).toBe('2023-08-03');
    expect(parseDate('1403/01/01', { referenceDate })).toBe('2024-03-20');
    expect(parseDate('۲ هفته پیش', { referenceDate })).toBe('2025-05-18T12:00:00.000Z');
    expect(parseDate('دیروز', { referenceDate })).toBe('2025-05-31');
    // Prose that mentions a year is not a date.
    expect(parseDate('این محصول را سال گذشته خریدم و راضی هستم', { referenceDate })).toBeUndefined();
  });
});
