/**
 * Self-disclosed reviewer attributes in Persian: "به عنوان یک مادر", "پسرم", "با همسرم", "دوباره
 * می‌خرم", "بار سومه که می‌خرم". The rules read the normalised text (Persian yeh and kaf, no ZWNJ,
 * ASCII digits), so "می‌خرم", "میخرم" and "می خرم" match one pattern (`می ?خرم`). Possessive
 * suffixes carry the first person ("گوشی قبلیم", "دخترم"); a word that is also something else in
 * reviews is excluded where it is ("سالم" is "intact" unless an age comes before it; "از دیجی کالا"
 * after "ممنون" thanks the shop rather than naming where it was bought).
 */
import { normalisePersian, type Rule, type RuleSet, rulePattern, words } from './attribute-rules.js';

/** The first-person possessive on a noun: "م", "ام", "هام", "هایم", and "مون"/"مان" (our). */
const MY = '(?:م|ام|یم|هام|هایم|های من|ها?مون|مان|امون)';
const BUY = '(?:می ?خرم|می ?خریم|میگیرم|می گیرم|خواهم خرید|خواهیم خرید|سفارش می ?دم|سفارش میدم|سفارش می ?دهم|تهیه می ?کنم)';
const SPOUSE = '(?:همسر|شوهر|خانم|نامزد)';
const KIN = `(?:همسر|شوهر|خانم|مادر|پدر|مامان|بابا|دوست|خواهر|برادر|پسر|دختر|بچه|مادربزرگ|پدربزرگ|همکار|رئیس)${MY}`;

/** Professions as people state them ("من معلمم", "به عنوان یک برنامه نویس"). */
const PROFESSIONS: Record<string, string> = {
  معلم: 'teacher',
  دبیر: 'teacher',
  استاد: 'teacher',
  پرستار: 'nurse',
  پزشک: 'doctor',
  دکتر: 'doctor',
  آشپز: 'chef',
  'برنامه ?نویس': 'developer',
  مهندس: 'engineer',
  طراح: 'designer',
  گرافیست: 'designer',
  عکاس: 'photographer',
  وکیل: 'lawyer',
  حسابدار: 'accountant',
  راننده: 'driver',
  فروشنده: 'salesperson',
  آرایشگر: 'stylist',
  خیاط: 'tailor',
  کارمند: 'office-worker',
  تعمیرکار: 'tradesperson',
  نویسنده: 'writer',
  خبرنگار: 'writer',
  بلاگر: 'writer',
  یوتیوبر: 'writer',
  معمار: 'architect',
  فریلنسر: 'freelancer',
};
const PROF = Object.keys(PROFESSIONS).join('|');

function profession(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const w = raw.replace(/ /g, '');
  for (const [k, v] of Object.entries(PROFESSIONS)) if (new RegExp(`^${k}$`).test(w)) return v;
  return undefined;
}

function age(raw: string | undefined): string | undefined {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 13 && n <= 99 ? String(n) : undefined;
}

const RULES: Rule[] = [
  // Life stage and household.
  {
    type: 'life-stage',
    value: 'parent',
    re: rulePattern(
      String.raw`\b(?:به عنوان|بعنوان|من)\s+(?:یک\s+|یه\s+)?(?:مادر|پدر|مامان|بابا)\b(?!\s*(?:بزرگ|شوهر|زن))|\b(?:مادر|پدر|مامان|بابای?)\s+(?:دو|سه|چهار|\d+)\s+(?:تا\s+)?(?:بچه|فرزند|پسر|دختر)\b|\b(?:بچه|بچهها|فرزند|فرزندان|پسر|دختر|پسربچه|دخترکوچولو|نی ?نی|نوزاد|کودک)${MY}\b`,
    ),
  },
  { type: 'life-stage', value: 'pet-owner', re: rulePattern(String.raw`\b(?:سگ|گربه|سگها|گربهها|پت|حیوان خانگی)${MY}\b`) },
  {
    type: 'life-stage',
    value: 'student',
    re: rulePattern(
      String.raw`\b(?:من|به عنوان|بعنوان)\s+(?:یک\s+|یه\s+)?(?:دانشجو|دانش ?آموز)\b|\b(?:دانشجو|دانش ?آموز)\s*(?:هستم|هستیم|ام|یم)\b|\bدانشجوام\b|\bدانشجو ?م\b`,
    ),
  },
  {
    type: 'life-stage',
    value: 'retiree',
    re: rulePattern(String.raw`\bبازنشسته\s*(?:هستم|هستیم|ام|شدم|شده ?ام|شدیم)\b|\b(?:من|ما)\s+بازنشسته\b|\bبازنشستهام\b`),
  },
  { type: 'life-stage', value: 'grandparent', re: rulePattern(String.raw`\b(?:نوه|نوهها)${MY}\b`) },
  {
    type: 'life-stage',
    value: 'couple',
    re: rulePattern(String.raw`\b${SPOUSE}${MY}\b(?!\s+(?:اش|ش)\b)|\b(?:من|ما)\s+و\s+${SPOUSE}${MY}\b|\bآقامون\b|\bخانومم\b`),
  },
  { type: 'life-stage', value: 'newlywed', re: rulePattern(String.raw`\bماه ?عسل\b|\bتازه\s+(?:ازدواج\s+کرده|عروسی\s+کرده)\p{L}*`) },
  {
    type: 'life-stage',
    value: 'family',
    re: rulePattern(
      String.raw`\b(?:با|همراه)\s+(?:خانواده|خانوادهام|خانوادم|خونواده|خونوادم)(?:مون)?\s+(?:\p{L}+\s+){0,2}?(?:رفتیم|بودیم|رفتم|اومدیم|آمدیم|استفاده\s+می ?کنیم)\b|\bبرای\s+(?:خانوادهام|خانوادم|خونوادم|خانوادهمون)\b|\bخانوادگی\s+(?:رفتیم|استفاده\s+می ?کنیم)\b`,
    ),
  },
  // Role.
  {
    type: 'role',
    re: rulePattern(
      String.raw`\b(?:من|به عنوان|بعنوان)\s+(?:یک\s+|یه\s+)?(${PROF})(?:م|ام)?\b(?!\s+(?:گفت|گفته|میگه|می گوید|فروشگاه|شرکت))|\b(${PROF})\s*(?:هستم|ام)\b|\bشغلم\s+(${PROF})\b`,
    ),
    value: (m) => profession(m[1] ?? m[2] ?? m[3]),
  },
  {
    type: 'role',
    value: 'small-business',
    re: rulePattern(
      String.raw`\b(?:یک\s+|یه\s+)?(?:مغازه|فروشگاه|کافه|رستوران|کارگاه|شرکت)(?:\s+کوچک)?\s+دارم\b|\bصاحب\s+(?:یک\s+|یه\s+)?(?:مغازه|فروشگاه|کافه|رستوران|کسب ?و ?کار)\b`,
    ),
  },
  { type: 'role', value: 'remote-worker', re: rulePattern(String.raw`\bدورکار\p{L}*|\bاز\s+(?:خانه|خونه)\s+کار\s+می ?کنم\b`) },
  // Stated age.
  {
    type: 'age',
    re: rulePattern(String.raw`(?<!\d)(\d{2})\s*(?:سالمه|سال ?مه|سال\s+دارم|سال\s+سن\s+دارم|سالهام|ساله\s+هستم|سالم\s+(?:است|هست))\b`),
    value: (m) => age(m[1]),
  },
  { type: 'age', re: rulePattern(String.raw`\bسنم\s+(\d{2})\b`), value: (m) => age(m[1]) },
  // Experience.
  {
    type: 'experience',
    value: 'first-time',
    re: rulePattern(
      String.raw`\b(?:اولین|نخستین)\s+(?:بار|باره|بارم|خرید|تجربه|گوشی|لپ ?تاپ|دوربین|ماشین|سفارش)(?:م|ام)?\s+(?:است|هست|بود|ه)?\s*(?:که|از)\b|\b(?:اولین|نخستین)\s+(?:گوشی|لپ ?تاپ|دوربین|ماشین|تجربه)(?:\s+هوشمند)?(?:م|مه|ام|من|\s+من)\b|\b(?:اولین|نخستین)\s+(?:گوشی|لپ ?تاپ|دوربین|تجربه)(?:م|ام)\b|\bبار\s+اول(?:مه|م|ه)\s+(?:که|است)\b|\b(?:من\s+)?(?:تازه ?کار|مبتدی)\s*(?:هستم|ام)\b|\bتا\s+حالا\s+(?:\p{L}+\s+)?(?:نداشتم|استفاده\s+نکرده ?بودم)\b`,
    ),
  },
  {
    type: 'experience',
    value: 'expert',
    re: rulePattern(
      String.raw`\b(?:[5-9]|\d{2}|چندین|سالها|سال ها)\s+(?:سال|ساله|سالی)\s+(?:است\s+|ه\s+)?(?:که\s+)?(?:\p{L}+\s+){0,3}?(?:استفاده\s+می ?کنم|کار\s+می ?کنم|کار\s+میکنم|می ?خرم)\b|\b(?:من\s+)?(?:حرفه ?ای|کاربر\s+حرفه ?ای|کاربر\s+قدیمی)\s*(?:هستم|ام)\b|\bگوشی\s*های\s+(?:زیادی|زیاد|مختلفی)\s+(?:رو\s+|را\s+)?(?:داشتم|عوض\s+کردم|امتحان\s+کردم)\b`,
    ),
  },
  // Usage context.
  {
    type: 'usage',
    value: 'work',
    re: rulePattern(
      String.raw`\bبرای\s+(?:کارم|کارهام|کارهای\s+اداریم|محل\s+کارم)\b|\bبرای\s+کار\s+(?:\p{L}+\s+)?(?:خریدم|گرفتم|استفاده\s+می ?کنم)\b|\bسر\s+کار(?:م)?\s+(?:\p{L}+\s+){0,2}?(?:استفاده\s+می ?کنم|می ?برم|دارم)\b|\bمحل\s+کارم\b|\bسفر\s+کاری\b(?=[^.!؟]{0,40}(?:رفتم|بودم|رفته\s+بودم|میرم|می ?روم))|\bماموریت\s+(?:کاری\s+)?(?:رفتم|بودم|میرم)\b`,
    ),
  },
  {
    type: 'usage',
    value: 'travel',
    re: rulePattern(
      String.raw`\b(?:در|تو|توی|برای)\s+(?:سفر|مسافرت)(?!\s+کاری)\b|\bمسافرت\s+(?:رفتم|رفتیم|میرم)\b|\b(?:برای|در|تو|توی)\s+تعطیلات\b`,
    ),
  },
  {
    type: 'usage',
    value: 'sport',
    re: rulePattern(String.raw`\bباشگاه\b|\b(?:برای|موقع)\s+(?:ورزش|دویدن|کوهنوردی|دوچرخه ?سواری|پیاده ?روی)\b`),
  },
  {
    type: 'usage',
    value: 'gift',
    re: rulePattern(
      String.raw`\b(?:به\s+عنوان\s+|بعنوان\s+)?(?:هدیه|کادو)\s+(?:خریدم|گرفتم|دادم|برای)\b|\b(?:برای|واسه)\s+${KIN}\s+(?:خریدم|گرفتم|سفارش\s+دادم|هدیه)\b|\bکادوی\s+تولد\b`,
    ),
  },
  {
    type: 'usage',
    value: 'celebration',
    re: rulePattern(
      String.raw`\b(?:برای|به\s+مناسبت)\s+(?:جشن\s+)?(?:تولد|سالگرد)\b|\b(?:تولد|سالگرد)${MY}\b|\bجشن${MY}\b|\bکادوی\s+تولد\b`,
    ),
  },
  {
    type: 'usage',
    value: 'social',
    re: rulePattern(
      String.raw`\bبا\s+(?:دوستان|دوستام|دوستانم|رفقا|رفیقام|دوستای)\p{L}*\s+(?:\p{L}+\s+){0,2}?(?:رفتیم|رفتم|بودیم|میریم|می ?رویم|اومدیم|آمدیم)\b`,
    ),
  },
  { type: 'usage', value: 'outdoor', re: rulePattern(String.raw`\b(?:برای|تو|در)\s+(?:کمپ|کوه|طبیعت ?گردی|ماهیگیری)\b`) },
  // Purchase motive.
  {
    type: 'motive',
    value: 'deal',
    re: rulePattern(
      String.raw`\b(?:با|در|تو|توی|موقع|زمان)\s+(?:تخفیف|حراج|جشنواره|شگفت ?انگیز)\p{L}*|\bکد\s+تخفیف\b|\bتخفیف\s+(?:خورده\s+بود|داشت|خورد)\b|\bآفر\b`,
    ),
  },
  {
    type: 'motive',
    value: 'reviews',
    re: rulePattern(
      String.raw`\b(?:با|بعد\s+از|پس\s+از)\s+(?:خوندن|خواندن|مطالعه|دیدن)\s+(?:\p{L}+\s+)?(?:نظرات|نظرها|کامنت ?ها|نقدها|بررسی ?ها|بررسی)\b|\b(?:طبق|به\s+خاطر|بخاطر|به\s+اعتماد)\s+(?:\p{L}+\s+)?(?:نظرات|کامنت ?ها)\b`,
    ),
  },
  {
    type: 'motive',
    value: 'recommendation',
    re: rulePattern(
      String.raw`\b(?:به\s+)?(?:پیشنهاد|توصیه|معرفی)\s+(?:یکی\s+از\s+)?(?:دوست|دوستان|دوستم|همکار|همکارم|برادر|برادرم|خواهر|خواهرم|فامیل|آشنا|آشنایان)\p{L}*|\b(?:دوستم|دوستام|همکارم|برادرم|خواهرم)\s+(?:\p{L}+\s+)?(?:پیشنهاد|توصیه|معرفی)\s+(?:داد|کرد)\b`,
    ),
  },
  {
    type: 'motive',
    value: 'replacement',
    re: rulePattern(
      String.raw`\bقبلی(?:م|ام|مون)\s+(?:\p{L}+\s+)?(?:خراب|سوخت|شکست|از\s+کار\s+افتاد)\p{L}*|\bجایگزین\s+(?:\p{L}+\s+)?قبلی(?:م|ام)\b`,
    ),
  },
  { type: 'motive', value: 'upgrade', re: rulePattern(String.raw`\bارتقا\s+(?:دادم|دادیم)\b`) },
  {
    type: 'motive',
    value: 'brand-trust',
    re: rulePattern(
      String.raw`\b(?:به\s+)?(?:این\s+)?(?:برند|مارک|شرکت)\s+اعتماد\s+(?:دارم|داریم)\b|\bهمیشه\s+(?:از\s+)?(?:این\s+)?(?:برند|مارک)\s+(?:\p{L}+\s+)?(?:می ?خرم|استفاده\s+می ?کنم)\b|\bطرفدار\s+(?:این\s+)?(?:برند|مارک)\b`,
    ),
  },
  {
    type: 'motive',
    value: 'looks',
    re: rulePattern(
      String.raw`\b(?:به\s+خاطر|بخاطر)\s+(?:ظاهر|رنگ|طراحی|زیبایی|قشنگی)(?:ش)?\s+(?:\p{L}+\s+)?(?:خریدم|گرفتم|انتخاب\s+کردم)\b`,
    ),
  },
  {
    type: 'motive',
    value: 'sustainability',
    re: rulePattern(String.raw`\bدوستدار\s+محیط ?زیست\b|\bسازگار\s+با\s+محیط ?زیست\b|\bبازیافتی\b`),
  },
  // Price sensitivity.
  {
    type: 'price-sensitivity',
    value: 'price-sensitive',
    re: rulePattern(
      String.raw`\bبودجه(?:م|ام|مون)\s+(?:محدود|کم)(?:ه|یه)?\b|\bبا\s+بودجه\s+(?:کم|محدود|دانشجویی)\s+(?:\p{L}+\s+){0,2}?(?:خریدم|گرفتم|دنبال)\b|\b(?:نمی ?تونستم|نمی ?توانستم|نمیتونم|نمی ?توانم)\s+(?:\p{L}+\s+)?بخرم\b|\bپول(?:م)?\s+(?:نمی ?رسید|نمیرسید|نمیرسه)\b|\bمنتظر\s+(?:تخفیف|حراج|جشنواره)\s+(?:بودم|موندم|ماندم)\b|\bدستم\s+تنگ\b`,
    ),
  },
  {
    type: 'price-sensitivity',
    value: 'value-conscious',
    re: rulePattern(
      String.raw`\b(?:با|در|به)\s+(?:این|همین)\s+(?:قیمت|قیمتش|رنج\s+قیمت|رنج\s+قیمتی|بازه\s+قیمتی)\b|\b(?:نسبت\s+به|به\s+نسبت)\s+قیمت(?:ش)?\b|\bارزش\s+خرید\b|\bقیمت\s+به\s+کیفیت\b|\bارزش\s+(?:این\s+)?(?:پول|قیمت)\b|\bمی ?ارزه\b`,
    ),
  },
  {
    type: 'price-sensitivity',
    value: 'premium-willing',
    re: rulePattern(
      String.raw`\b(?:گرون|گران)\s+(?:هم\s+)?(?:باشه|است|هست)\s+(?:ولی\s+)?(?:می ?ارزه|ارزششو\s+داره|ارزشش\s+را\s+دارد)\b|\bپول\s+بیشتر(?:ی)?\s+(?:بدم|بدهم|می ?دم|دادم)\b|\bقیمت\s+(?:برام|برایم)\s+مهم\s+نیست\b`,
    ),
  },
  // Loyalty and switching.
  {
    type: 'loyalty',
    value: 'switched',
    re: rulePattern(
      String.raw`\b(?:سوییچ|سوئیچ|کوچ|مهاجرت)\s+کرد(?:م|یم)\b|\bاز\s+(?:\p{L}+\s+){1,3}(?:به|سمت)\s+(?:\p{L}+\s+){1,3}(?:کوچ|مهاجرت|سوییچ|سوئیچ)\b|\b(?:قبلا|قبلاً|قبلن)\s+(?:\p{L}+\s+){1,5}(?:داشتم|استفاده\s+می ?کردم)\s+(?:\p{L}+\s+){0,3}(?:الان|حالا)\b`,
    ),
  },
  {
    type: 'loyalty',
    value: 'not-repurchasing',
    re: rulePattern(
      String.raw`\b(?:دیگه|دیگر|هرگز|هیچوقت|هیچ ?وقت|دوباره)\s+(?:\p{L}+\s+){0,4}?(?:نمی ?خرم|نمیخرم|نمی ?خریم|نخواهم\s+خرید|سفارش\s+نمی ?دم|نمیگیرم|نمی ?گیرم)\b|\bآخرین\s+(?:بار|باری)\s+(?:بود\s+)?(?:که\s+)?(?:می ?خرم|خریدم)\b`,
    ),
  },
  {
    type: 'loyalty',
    value: 'will-buy-again',
    re: rulePattern(String.raw`\b(?:دوباره|باز\s+هم|بازم|مجددا|مجدداً|حتما|حتماً|قطعا|قطعاً)\s+(?:هم\s+)?(?:\p{L}+\s+)?(?<!ن)${BUY}\b`),
  },
  {
    type: 'loyalty',
    value: 'repeat-buyer',
    re: rulePattern(
      String.raw`\b(?:بار|دفعه)\s+(?:دوم|سوم|چهارم|پنجم|ششم|\d+ ?ام|\d+ ?م)(?:ه|ی|مه|است)?\s+(?:است\s+)?(?:که\s+)?(?:\p{L}+\s+){0,3}?(?:می ?خرم|خریدم|می ?گیرم|میگیرم|سفارش|خرید\s+می ?کنم)\b|\b(?:دومین|سومین|چهارمین|پنجمین)\s+(?:بار|خرید|سفارش|گوشی|محصول)(?:م|ه|ی)?\b|\b(?:چند|چندین|چندبار|چند\s+بار)\s*(?:بار|دفعه)?\s+(?:\p{L}+\s+)?(?:خریدم|سفارش\s+دادم|گرفتم)\b|\bمشتری\s+(?:ثابت|همیشگی|دائمی|قدیمی)\b|\bهمیشه\s+(?:از\s+)?(?:اینجا|این\s+فروشگاه|دیجی ?کالا)\s+(?:\p{L}+\s+)?(?:می ?خرم|خرید\s+می ?کنم)\b`,
    ),
  },
  {
    type: 'loyalty',
    value: 'returning',
    re: rulePattern(
      String.raw`\b(?:مرجوع|پس)\s+(?:کردم|دادم|فرستادم|می ?دم|خواهم\s+داد|می ?کنم)\b|\bمرجوعی\s+(?:زدم|دادم|ثبت\s+کردم)\b|\bبرگردوندم\b`,
    ),
  },
  {
    type: 'loyalty',
    value: 'recommends',
    re: rulePattern(
      String.raw`\b(?:به\s+(?:همه|شما|دوستان|همگی|بقیه|همه\s+دوستان)|حتما|حتماً)\s+(?:\p{L}+\s+){0,4}?(?:پیشنهاد|توصیه)\s+(?<!ن)(?:می ?کنم|میکنم|می ?شه|میشه)\b|\b(?:پیشنهاد|توصیه)\s+(?<!ن)(?:می ?کنم|میکنم)\s+(?:حتما\s+|حتماً\s+)?(?:بخرید|بخرین|بگیرید|بگیرین|تهیه\s+کنید|بخرینش|بخریدش)\b|\b(?:پیشنهاد|توصیه)\s+(?<!ن)(?:می ?کنم|میکنم)(?=\s*(?:[.!،,؛]|$))|\bارزش\s+(?:خرید\s+)?(?:داره|دارد)\s+(?:و\s+)?(?:پیشنهاد|توصیه)\s+(?<!ن)(?:می ?کنم|میکنم)\b`,
    ),
  },
  // Channel.
  {
    type: 'channel',
    value: 'online',
    re: rulePattern(
      String.raw`(?<!(?:کلاس|کلاسهای|کلاس\s+های|آموزش|جلسه|جلسات|بازی)\s)\b(?:آنلاین|اینترنتی|از\s+سایت|از\s+اپ|از\s+اپلیکیشن)\s+(?:\p{L}+\s+)?(?:خریدم|سفارش\s+دادم|گرفتم)\b|\bخرید\s+(?:آنلاین|اینترنتی)\b`,
    ),
  },
  {
    type: 'channel',
    value: 'marketplace',
    re: rulePattern(
      String.raw`(?<!(?:ممنون|تشکر|سپاس|متشکرم|مرسی|گله|شکایت)\s+(?:\p{L}+\s+)?)\b(?:از|تو|توی|در)\s+(?:دیجی ?کالا|باسلام|ترب|اسنپ ?شاپ|آمازون|علی ?بابا|آمازون|شیپور|دیوار)\s+(?:\p{L}+\s+)?(?:خریدم|گرفتم|سفارش\s+دادم|خرید\s+کردم|خریداری\s+کردم)\b|\b(?:خریدم|گرفتم|سفارش\s+دادم)\s+(?:\p{L}+\s+)?(?:از|تو|توی)\s+(?:دیجی ?کالا|باسلام|آمازون|علی ?بابا)\b`,
    ),
  },
  {
    type: 'channel',
    value: 'in-store',
    re: rulePattern(
      String.raw`\b(?:از|در|تو|توی)\s+(?:مغازه|بازار|پاساژ|نمایندگی|فروشگاه\s+حضوری)\s+(?:\p{L}+\s+)?(?:خریدم|گرفتم)\b|\bحضوری\s+(?:خریدم|گرفتم|خرید\s+کردم)\b`,
    ),
  },
];

/** Persian attribute rules. */
export const PERSIAN: RuleSet = {
  normalise: normalisePersian,
  // Any sentence may disclose: the per-type cues below are the cheap pre-check (each holds a word
  // every rule of its type needs).
  trigger: /\p{L}/u,
  cues: {
    'life-stage':
      /مادر|پدر|مامان|بابا|بچه|فرزند|پسر|دختر|نوزاد|نی ?نی|کودک|سگ|گربه|پت|حیوان|دانشجو|دانش|بازنشسته|نوه|همسر|شوهر|خانم|خانوم|نامزد|آقامون|عسل|ازدواج|عروسی|خانواده|خونواده|خانوادگی/,
    role: /من |عنوان|هستم|ام\b|شغل|دارم|صاحب|دورکار|کار /,
    age: /\d/,
    experience: /اولین|نخستین|اول|تازه|مبتدی|تا حالا|سال|حرفه|گوشی/,
    usage:
      /کار|خرید|گرفتم|سفارش|سفر|مسافرت|ماموریت|تعطیلات|باشگاه|ورزش|دویدن|کوهنوردی|دوچرخه|پیاده|هدیه|کادو|تولد|سالگرد|جشن|دوست|رفقا|رفیق|کمپ|کوه|طبیعت|ماهیگیری/,
    motive:
      /تخفیف|حراج|جشنواره|شگفت|آفر|نظرات|نظرها|کامنت|نقد|بررسی|پیشنهاد|توصیه|معرفی|قبلی|ارتقا|برند|مارک|شرکت|طرفدار|ظاهر|رنگ|طراحی|زیبایی|قشنگی|محیط|بازیافتی/,
    'price-sensitivity': /بودجه|بخرم|پول|منتظر|دستم|قیمت|ارزش|ارزه|گرون|گران/,
    loyalty:
      /سوییچ|سوئیچ|کوچ|مهاجرت|قبلا|قبلن|دیگه|دیگر|هرگز|هیچ|دوباره|آخرین|باز|مجدد|حتما|حتماً|قطعا|قطعاً|بار|دفعه|دومین|سومین|چهارمین|پنجمین|چند|مشتری|همیشه|مرجوع|پس |برگردوندم|پیشنهاد|توصیه/,
    channel: /آنلاین|اینترنتی|سایت|اپ|دیجی|باسلام|ترب|اسنپ|آمازون|علی|شیپور|دیوار|مغازه|بازار|پاساژ|نمایندگی|حضوری|فروشگاه/,
  },
  rules: RULES,
  hedge: words(String.raw`\b(?:مطمئن\s+نیستم|نمی ?دونم|نمیدانم|نمی ?دانم|اگر|اگه|شاید|احتمالا|احتمالاً|بعید)\b`),
  clauseBreak: words(String.raw`[،,;؛:]|\bولی\b|\bاما\b`),
  condition: words(String.raw`\b(?:اگر|اگه|درصورتی ?که|در\s+صورتی\s+که)\b`),
  reply: words(String.raw`\bپاسخ\s+(?:فروشگاه|فروشنده|مدیریت|رستوران|هتل|پشتیبانی)\s*[:：]`),
  skipQuestions: true,
};
