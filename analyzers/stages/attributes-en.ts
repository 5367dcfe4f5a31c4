/**
 * Self-disclosed reviewer attributes in English: first-person and narrow patterns ("as a mom of two",
 * "I'm a nurse", "my third pair", "I'll buy again"); a wrong attribute puts a person in the wrong
 * persona, a missed one only leaves them out. Run by the engine in attributes.ts.
 */
import type { Rule, RuleSet } from './attribute-rules.js';

const PROFESSIONS = [
  'nurse',
  'teacher',
  'chef',
  'cook',
  'barista',
  'baker',
  'bartender',
  'photographer',
  'designer',
  'developer',
  'engineer',
  'programmer',
  'architect',
  'lawyer',
  'attorney',
  'accountant',
  'contractor',
  'carpenter',
  'electrician',
  'plumber',
  'mechanic',
  'hairdresser',
  'hairstylist',
  'stylist',
  'makeup artist',
  'artist',
  'musician',
  'writer',
  'journalist',
  'truck driver',
  'pilot',
  'flight attendant',
  'firefighter',
  'police officer',
  'farmer',
  'gardener',
  'landscaper',
  'realtor',
  'real estate agent',
  'salesperson',
  'manager',
  'consultant',
  'scientist',
  'researcher',
  'professor',
  'librarian',
  'housekeeper',
  'caregiver',
  'nanny',
  'waitress',
  'waiter',
  'dj',
  'tailor',
  'seamstress',
  'florist',
  'veterinarian',
  'vet tech',
  'pharmacist',
  'dentist',
  'doctor',
  'physician',
  'paramedic',
  'social worker',
  'translator',
  'secretary',
  'receptionist',
  'cashier',
  'clerk',
  'welder',
  'painter',
  'videographer',
  'content creator',
  'youtuber',
  'blogger',
  'podcaster',
  'streamer',
  'personal trainer',
  'coach',
  'yoga instructor',
  'fitness instructor',
  'dog groomer',
  'groomer',
  'mail carrier',
  'delivery driver',
  'it professional',
  'sysadmin',
  'data scientist',
  'analyst',
  'entrepreneur',
  'small business owner',
  'business owner',
  'shop owner',
];
const PROFESSION_RE = PROFESSIONS.map((p) => p.replace(/ /g, '\\s+')).join('|');
// Words before a profession that make it a hobby or aspiration, not a job ("home cook").
const NOT_A_JOB = /\b(?:home|amateur|hobby|hobbyist|aspiring|wannabe|weekend|backyard)\s+$/;

const AGE_WORDS: Record<string, string> = {
  twenties: '20s',
  thirties: '30s',
  forties: '40s',
  fifties: '50s',
  sixties: '60s',
  seventies: '70s',
  eighties: '80s',
  nineties: '90s',
};

function age(raw: string | undefined): string | undefined {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 13 && n <= 99 ? String(n) : undefined;
}

function kebab(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, '-');
}

const RULES: Rule[] = [
  // Life stage and household.
  {
    type: 'life-stage',
    value: 'parent',
    re: /\b(?:as an?|i'm an?|i am an?|im an?|being an?)\s+(?:\d{2}[\s-]*(?:years?|yrs?)[\s-]*old\s+)?(?:(?:new|first[- ]time|single|busy|working|stay[- ]at[- ]home|proud|tired)\s+)*(?:mom|mum|mommy|mother|dad|daddy|father|parent)\b/,
  },
  {
    type: 'life-stage',
    value: 'parent',
    re: /\b(?:mom|mum|mother|dad|father|parent)\s+of\s+(?:\d+|one|two|three|four|five|six|twins|a\s+(?:toddler|newborn|baby|teen))\b/,
  },
  {
    type: 'life-stage',
    value: 'parent',
    re: /\b(?:my|our)\s+(?:\d+\s*(?:-|\s)?(?:yr|year|month|mo)s?(?:-|\s)old\s+|(?:little|baby|toddler|teenage|teen|oldest|youngest|eldest|older|younger|two|three|four)\s+)?(?:son|sons|daughter|daughters|kids|children|toddler|toddlers|newborn|twins|teenager|teenagers|little ones?)\b/,
  },
  {
    type: 'life-stage',
    value: 'pet-owner',
    re: /\b(?:my|our)\s+(?:\w+\s+)?(?:dog|dogs|cat|cats|puppy|puppies|kitten|kittens|pup|pups)\b|\b(?:as an?|i'm an?|i am an?)\s+(?:dog|cat|pet)\s+(?:owner|mom|dad|parent)\b/,
  },
  {
    type: 'life-stage',
    value: 'student',
    re: /\b(?:as an?|i'm an?|i am an?|im an?)\s+(?:(?:college|university|grad|graduate|phd|nursing|med|medical|law|high\s+school|full[- ]time|poor|broke|international)\s+)*student\b|\bmy\s+dorm(?:\s+room)?\b/,
  },
  {
    type: 'life-stage',
    value: 'retiree',
    re: /\b(?:i'm|i am|im|we're|we are|now|recently|newly)\s+retired\b|\bas\s+an?\s+retiree\b|\b(?:since|after|when)\s+(?:i|we)\s+retired\b|\b(?:i|we)\s+(?:just\s+|recently\s+|finally\s+)retired\b(?!\s+(?:my|our|the|it|them|this|these|those|an?)\b)/,
  },
  {
    type: 'life-stage',
    value: 'grandparent',
    re: /\b(?:my|our)\s+(?:grandkids|grandchildren|grandson|grandsons|granddaughter|granddaughters|grandbaby|grandbabies|grandchild)\b|\bas\s+an?\s+(?:grandma|grandmother|grandpa|grandfather|grandparent)\b/,
  },
  {
    type: 'life-stage',
    value: 'couple',
    re: /\bmy\s+(?:husband|wife|hubby|partner|fiance|fiancé|fiancee|fiancée)\s+and\s+i\b|\b(?:for|with)\s+my\s+(?:husband|wife|hubby|partner)\b/,
  },
  { type: 'life-stage', value: 'newlywed', re: /\bnewlyweds?\b|\b(?:we|i)\s+just\s+got\s+married\b|\bour\s+wedding\s+registry\b/ },
  // Role.
  {
    type: 'role',
    re: new RegExp(
      String.raw`\b(as\s+an?|i'm\s+an?|i\s+am\s+an?|im\s+an?|i\s+work\s+as\s+an?|i've\s+been\s+an?|i\s+have\s+been\s+an?|being\s+an?)\s+((?:[a-z-]+\s+){0,2}?)(${PROFESSION_RE})s?\b`,
    ),
    value: (m) => (NOT_A_JOB.test(`${m[2] ?? ''}`) ? undefined : /owner/.test(m[3]!) ? 'small-business' : kebab(m[3]!)),
  },
  {
    type: 'role',
    value: 'small-business',
    re: /\bi\s+(?:run|own|manage|operate)\s+(?:a|an|my\s+own|our)\s+(?:(?:small|little|tiny|busy|local|family|home[- ]based)\s+)*(?:café|cafe|coffee\s+shop|bakery|restaurant|business|shop|store|salon|studio|bar|food\s+truck|farm|b&b|bed\s+and\s+breakfast|boutique|company|gym|daycare|catering)(?!\p{L})/u,
  },
  { type: 'role', value: 'remote-worker', re: /\bi\s+work\s+from\s+home\b|\bas\s+a\s+remote\s+worker\b/ },
  // Stated age.
  { type: 'age', re: /\b(?:i'm|i am|im)\s+(?:a\s+|an\s+)?(\d{2})[\s-]*(?:years?|yrs?)[\s-]*old\b/, value: (m) => age(m[1]) },
  { type: 'age', re: /\b(?:i'm|i am|im)\s+(\d{2})(?=\s*(?:[,.;!)]|and\b|but\b|so\b|now\b|with\b|&|y\/?o\b|$))/, value: (m) => age(m[1]) },
  // "I'm 60+", "this 60+ body": a floor, kept as written ("60+") rather than a guessed decade.
  {
    type: 'age',
    re: /\b(?:i'm|i am|im)\s+(\d0)\s*\+|\bthis\s+(\d0)\s*\+\s*(?:body|figure|frame|gal|girl|woman|lady|grandma|granny|year[\s-]old)\b/,
    value: (m) => (age(m[1] ?? m[2]) ? `${m[1] ?? m[2]}+` : undefined),
  },
  { type: 'age', re: /\bas\s+an?\s+(\d{2})[\s-]*(?:years?|yrs?)[\s-]*old\b/, value: (m) => age(m[1]) },
  { type: 'age', re: /^\s*at\s+(\d{2})(?:\s+years\s+old)?\s*,\s*(?:i|we|my)\b/, value: (m) => age(m[1]) },
  { type: 'age', re: /\b(?:i|i've|i have)\s+(?:just\s+|recently\s+)?turned\s+(\d{2})\b/, value: (m) => age(m[1]) },
  { type: 'age', re: /\bin\s+my\s+(?:early\s+|mid[- ]?|late\s+)?(\d)0'?s\b/, value: (m) => (Number(m[1]) >= 2 ? `${m[1]}0s` : undefined) },
  {
    type: 'age',
    re: /\bin\s+my\s+(?:early\s+|mid[- ]?|late\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/,
    value: (m) => AGE_WORDS[m[1]!],
  },
  // Experience.
  {
    type: 'experience',
    value: 'first-time',
    re: /\bfirst[- ]time\s+(?:buyer|user|owner|customer|homeowner)\b|\b(?:i'm|i am|im)\s+(?:a\s+|an\s+)?(?:complete\s+|total\s+|absolute\s+)?(?:beginner|novice|newbie)\b|\bas\s+an?\s+(?:complete\s+|total\s+|absolute\s+)?(?:beginner|novice|newbie)\b|\b(?:i'm|i am|im)\s+(?:fairly\s+|pretty\s+|very\s+|totally\s+|completely\s+)?new\s+to\b|\b(?:i'm|i am|im)\s+\d{2}\s+and\s+(?:fairly\s+|pretty\s+|very\s+|totally\s+|completely\s+)?new\s+to\b|\bmy\s+(?:very\s+)?first\s+(?:ever\s+)?(?:espresso\s+machine|grinder|machine|smartphone|phone|laptop|camera|dslr|drone|bike|car|pair|purchase|order)\b|\b(?:i've|i have)\s+never\s+(?:used|owned|had)\s+(?:a|an|one)\b/,
  },
  {
    type: 'experience',
    value: 'expert',
    re: /\b(?:as\s+an?|i'm\s+an?|i\s+am\s+an?)\s+(?:experienced|seasoned|avid|serious|longtime|long[- ]time|dedicated|hardcore|expert|veteran)\b|\byears\s+of\s+experience\b|\b(?:i've|i\s+have)\s+(?:owned|used|tried|tested)\s+(?:so\s+many|many|dozens\s+of|lots\s+of|countless|a\s+lot\s+of|a\s+dozen)\b|\b(?:i've|i\s+have)\s+been\s+(?:using|buying|cooking|brewing|roasting|sewing|running|riding|shooting|baking|making|drinking|wearing|playing)\b[^.!?]{0,30}?\bfor\s+(?:over\s+|more\s+than\s+|about\s+|nearly\s+|almost\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|many|several)\s+(?:years|decades)\b|\b(?:i'm|i\s+am|im)\s+(?:a|an)\s+(?:\w+\s+)?(?:enthusiast|aficionado|connoisseur|snob|nerd|geek|buff)\b/,
  },
  // Usage context.
  {
    type: 'usage',
    value: 'work',
    re: /\b(?:for|at)\s+(?:my\s+)?(?:work|the\s+office|my\s+office|my\s+job)\b|\b(?:wear|wore|wearing|take|took|bring|brought|use|used|carry|ride|drive)\s+(?:it|this|them|these)?\s*to\s+(?:work|the\s+office)\b|\b(?:\d+|eight|ten|twelve|long|night|double|overnight)[\s-]+(?:hour[\s-]+)?shifts\b|\b(?:my\s+commute|commuting|home\s+office|during\s+work|my\s+shifts?)\b/,
  },
  {
    type: 'usage',
    value: 'travel',
    re: /\b(?:for|while|when)\s+(?:travel|traveling|travelling|vacation|trips?|camping)\b|\bon\s+(?:my|our|a)\s+(?:[\w-]+\s+)?(?:trip|vacation|holiday|cruise|flight|road\s+trip|honeymoon)\b|\bfor\s+(?:my|our|a)\s+(?:(?:recent|upcoming|last|next|long|week-long|weekend)\s+)?(?:trip|vacation|holiday|cruise|road\s+trip|honeymoon)\b|\bon\s+(?:the\s+)?(?:(?:long|short|overnight|international)\s+)?(?:plane|airplane|flights?)\b|\btravel(?:l?ed)?\s+with\s+(?:it|this|them)\b/,
  },
  {
    type: 'usage',
    value: 'sport',
    re: /\b(?:at|for|to)\s+the\s+gym\b|\bfor\s+(?:running|hiking|yoga|cycling|biking|workouts?|training|tennis|golf|soccer|basketball|skiing|swimming|climbing|crossfit|pilates|jogging)\b(?!\s+(?:out|around|late|errands|after|up|down|a\b|the\b|my\b|your\b))|\b(?:while|when)\s+(?:running|hiking|working\s+out|cycling|biking|jogging|exercising|training)\b|\bon\s+(?:my|our)\s+(?:runs|hikes|rides)\b|\bmy\s+workouts?\b/,
  },
  {
    type: 'usage',
    value: 'gift',
    re: /\b(?:as|for)\s+an?\s+(?:(?:birthday|christmas|xmas|holiday|wedding|anniversary|mother's\s+day|father's\s+day|valentine's(?:\s+day)?|housewarming|graduation|baby\s+shower|secret\s+santa)\s+)?(?:gift|present)\b|\bgift(?:ed)?\s+(?:it\s+|this\s+|them\s+)?(?:to|for)\s+(?:my|a|our)\b|\b(?:bought|purchased|got|ordered)\s+(?:it|this|these|them|one)\s+for\s+my\s+(?:[\w'-]+\s+){0,2}?(?:mom|mother|dad|father|husband|wife|son|daughter|sister|brother|friend|boyfriend|girlfriend|grandma|grandmother|grandpa|grandfather|aunt|uncle|niece|nephew|boss|coworker|partner|kids?|in-laws?)\b/,
  },
  { type: 'usage', value: 'outdoor', re: /\b(?:for|while|when)\s+(?:camping|fishing|hunting|gardening|backpacking)\b/ },
  // Purchase motive.
  {
    type: 'motive',
    value: 'deal',
    re: /\b(?:on\s+sale|on\s+clearance|with\s+a\s+coupon|(?:used|using|had)\s+an?\s+(?:\w+\s+)?(?:coupon|promo\s+code|discount\s+code)|(?:during|in)\s+(?:the|their|a)\s+(?:[\w'-]+\s+){0,2}?sale|lightning\s+deal|black\s+friday|prime\s+day|cyber\s+monday|price\s+drop|(?:got|bought|snagged|grabbed|picked)\s+(?:it|this|these|them|one)\s+(?:for|at)\s+(?:a\s+)?(?:steal|discount|bargain|great\s+price|good\s+price))\b/,
  },
  {
    type: 'motive',
    value: 'reviews',
    re: /\b(?:based\s+on|after\s+reading|because\s+of)\s+(?:the\s+|all\s+the\s+|other\s+|many\s+|great\s+|good\s+|positive\s+|glowing\s+)*reviews\b/,
  },
  {
    type: 'motive',
    value: 'recommendation',
    re: /\brecommended\s+(?:to\s+me\s+)?by\s+(?:a|my)\s+(?:friend|sister|brother|mom|mother|dad|coworker|colleague|neighbor|neighbour|cousin)\b|\bmy\s+(?:friend|sister|brother|mom|mother|dad|coworker|colleague|neighbor|neighbour|cousin)\s+(?:\w+\s+)?recommended\b|\bon\s+(?:a|my)\s+(?:friend's|sister's|brother's|coworker's|colleague's)\s+recommendation\b/,
  },
  {
    type: 'motive',
    value: 'replacement',
    re: /\b(?:to\s+replace|replacement\s+for|replacing)\s+(?:my|our|an?|the)\s+(?:old|broken|previous|dead|worn[- ]out)\b|\bmy\s+old\s+(?:one|\w+)\s+(?:broke|died|stopped\s+working|gave\s+out|finally\s+died|wore\s+out)\b/,
  },
  { type: 'motive', value: 'upgrade', re: /\b(?:upgraded\s+from|upgrading\s+from|an\s+upgrade\s+(?:from|over))\b/ },
  {
    type: 'motive',
    value: 'brand-trust',
    re: /\b(?:i|we)\s+(?:trust|always\s+buy|only\s+buy|stick\s+with|have\s+always\s+(?:used|bought|liked|loved))\s+(?:this|the|their)\s+brand\b|\bbig\s+fan\s+of\s+(?:this|the)\s+brand\b|\bbrand\s+loyal\b/,
  },
  {
    type: 'motive',
    value: 'looks',
    re: /\b(?:bought|ordered|got|chose|picked)\s+(?:it|this|these|them)\s+(?:because\s+of|for)\s+(?:the|its)\s+(?:color|colour|look|looks|design|style|print|pattern)\b/,
  },
  {
    type: 'motive',
    value: 'sustainability',
    re: /\b(?:eco[- ]friendly|sustainab\w+|environmentally\s+friendly|recycled\s+materials?|plastic[- ]free|zero[- ]waste)\b/,
  },
  // Price sensitivity.
  {
    type: 'price-sensitivity',
    value: 'price-sensitive',
    re: /\bon\s+a\s+(?:tight\s+|limited\s+|strict\s+|student\s+|fixed\s+|small\s+)?budget\b|\bbudget[- ]conscious\b|\b(?:couldn't|can't|cannot)\s+afford\b|\bwait(?:ed|ing)?\s+(?:for\s+(?:it|a)\s+(?:to\s+go\s+)?on\s+sale|until\s+it\s+(?:goes|went)\s+on\s+sale|for\s+a\s+sale)\b|\bonly\s+(?:buy|bought)\s+(?:\w+\s+)?(?:on\s+sale|when\s+(?:it's|it\s+is|they're|they\s+are)\s+on\s+sale)\b|\b(?:wouldn't|would\s+not|won't|would\s+never|will\s+never|never)\s+pay\s+full\s+price\b|\bon\s+a\s+fixed\s+income\b|\b(?:always\s+)?(?:looking|hunting|on\s+the\s+lookout)\s+for\s+(?:a\s+)?(?:bargains?|deals?)\b|\bnot\s+worth\s+(?:the\s+)?full\s+price\b|\btoo\s+(?:expensive|pricey)\s+for\s+(?:me|my\s+budget)\b|\bprice\s+(?:was|is)\s+(?:a|the)\s+(?:big\s+|main\s+|deciding\s+)?factor\b|\bfrugal\b|\bevery\s+penny\s+counts\b/,
  },
  {
    type: 'price-sensitivity',
    value: 'value-conscious',
    re: /\b(?:for|at)\s+(?:the|this|that)\s+price(?:\s+point)?\b|\bfor\s+the\s+money\b|\bbang\s+for\s+(?:the|your|my)\s+buck\b|\bvalue\s+for\s+money\b/,
  },
  {
    type: 'price-sensitivity',
    value: 'premium-willing',
    re: /\bworth\s+(?:paying|spending)\s+(?:a\s+little\s+|a\s+bit\s+)?(?:more|extra)\b|\bdon't\s+mind\s+paying\s+(?:more|extra)\b|\b(?:i'd|i\s+would)\s+(?:happily\s+)?pay\s+(?:double|more|twice)\b|\bsplurged?\b|\bprice\s+(?:is|was)\s+no\s+object\b/,
  },
  // Loyalty and switching.
  {
    type: 'loyalty',
    value: 'switched',
    re: /\b(?:i|we)\s+(?:recently\s+|finally\s+)?(?:switched|converted)\s+(?:over\s+)?(?:from|to)\b|^\s*(?:recently\s+|finally\s+)?switched\s+(?:over\s+)?(?:from|to)\b|\bmade\s+the\s+switch\b|\b(?:i'm|i\s+am)\s+switching\s+(?:from|to)\b/,
  },
  {
    type: 'loyalty',
    value: 'not-repurchasing',
    re: /\b(?:will|would|i'll|i'd|we'll|we'd)\s*(?:not|never)\s+(?:buy|order|purchase)\s+(?:(?:this|these|it|them|from|again|another|anymore|any\s+more)\b|(?:[\w'-]+\s+){0,3}again\b)|\b(?:won't|wouldn't|will\s+never|would\s+never)\s+(?:buy|order|purchase)\s+(?:(?:this|these|it|them|from|again|another|anymore|any\s+more)\b|(?:[\w'-]+\s+){0,3}again\b)|\bnever\s+(?:buying|ordering|purchasing)\s+(?:from\s+)?(?:this|these|them|it|again)\b|\blast\s+time\s+(?:i|we)\s+(?:buy|order|will\s+buy|will\s+order)\b|\blast\s+time\s+(?:buying|ordering)\b/,
  },
  {
    type: 'loyalty',
    value: 'will-buy-again',
    re: /\b(?:i'll|i\s+will|we'll|we\s+will)\s+(?:definitely\s+|probably\s+|certainly\s+)?be\s+(?:buying|ordering|getting)\s+(?:it\s+|this\s+|them\s+|these\s+)?(?:again|another|more|(?:it\s+)?in\s+(?:another|other|more|a\s+different|every)\s+colou?rs?)\b|\b(?:will|would|i'll|i'd|we'll|we'd|definitely|plan\s+to|going\s+to|gonna)\s+(?:definitely\s+|certainly\s+|absolutely\s+|happily\s+|surely\s+)?(?:buy|order|purchase)\s+(?:\w+\s+){0,4}?again\b|\b(?:will|would|i'll|i'd|going\s+to|gonna|plan\s+to)\s+(?:definitely\s+|certainly\s+)?(?:buy|order|get)\s+(?:another|a\s+second|more)\b/,
  },
  {
    type: 'loyalty',
    value: 'repeat-buyer',
    re: /\b(?:i've|i\s+have|i|we've|we\s+have|we)\s+(?:now\s+|already\s+)?(?:bought|ordered|purchased|own|owned|got)\s+(?:it|this|these|them|this\s+[\w-]+|these\s+[\w-]+)\s+in\s+(?:\d+|two|three|four|five|six|several|multiple|many|all|every)\s+(?:(?:the|different)\s+)?(?:colou?rs?|shades|prints|patterns)\b|\b(?:my|our)\s+(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:one|pair|purchase|order|time\s+(?:buying|ordering)|bag|box|set|machine|unit|bottle|pack)\b|\b(?:i've|i\s+have|we've|we\s+have)\s+(?:bought|purchased|ordered|owned)\s+(?:\w+\s+){0,2}?(?:several|many|multiple|\d+|two|three|four|five)\s+(?:of\s+(?:these|them|this)|times|pairs)\b|\brepeat\s+(?:customer|buyer|purchase)\b|\bloyal\s+customer\b|\b(?:bought|ordered)\s+(?:a\s+second|another)\s+(?:one|pair)\b/,
  },
  {
    type: 'loyalty',
    value: 'returning',
    re: /\b(?:i'm|i\s+am|im|i'll\s+be|i\s+will\s+be|we're|we\s+are|i'll|i\s+will|i)\s+(?:going\s+to\s+|gonna\s+|have\s+to\s+|had\s+to\s+)?(?:returning|return|returned|sending\s+back|send\s+back|sent\s+back)\s+(?:it|this|them|these|both|mine|the\s+\w+)\b|\b(?:i|we)\s+(?:(?:had|have|need)\s+to\s+|will\s+|'ll\s+)?(?:sent|send|sending)\s+(?:it|them|this|these|both|mine)\s+back\b|\b(?:it's|it\s+is|they're|they\s+are)\s+going\s+back\b/,
  },
  {
    type: 'loyalty',
    value: 'recommends',
    re: /(?:\b(?:i|we)\b[^.!?]{0,40}\band\s+(?:would\s+|will\s+|highly\s+|definitely\s+)*|\b(?:i|we)\s+(?:would\s+|will\s+|highly\s+|definitely\s+|strongly\s+|totally\s+|absolutely\s+)*|^\W*(?:would\s+|will\s+|highly\s+|definitely\s+|strongly\s+|totally\s+|absolutely\s+)+)recommend\b(?![^.!?]{0,20}\bnot\b)(?!\s+(?:sizing|going\s+(?:up|down)|(?:ordering|getting|buying)\s+(?:a|one|the)\s+(?:size|half)|a\s+(?:size|half)|(?:hand\s+)?washing|to\s+size))/,
  },
  // Channel.
  {
    type: 'channel',
    value: 'in-store',
    re: /\bin[- ]store\b|\bin\s+the\s+store\b|\bat\s+(?:the|my|our)\s+(?:local\s+)?store\b|\bin\s+person\b|\bat\s+(?:target|walmart|costco|best\s+buy|home\s+depot|lowe's|lowes|ikea|kohl's|kohls|macy's|macys|nordstrom|tj\s+maxx|marshalls|sam's\s+club|the\s+mall|the\s+outlet)\b|\btried\s+(?:it|them|this|these)\s+on\s+in\b/,
  },
  {
    type: 'channel',
    value: 'online',
    re: /\b(?:ordered|bought|purchased|got)\s+(?:it\s+|this\s+|them\s+|these\s+|one\s+)?online\b|\bonline\s+(?:order|purchase|shopping)\b|\bfrom\s+(?:the|their)\s+(?:website|web\s+site|site|app|online\s+store)\b|\bon\s+(?:the|their)\s+website\b/,
  },
  {
    type: 'channel',
    value: 'marketplace',
    re: /\b(?:on|from|via|through)\s+(?:amazon|ebay|etsy|aliexpress|temu|walmart\.com|mercado\s*libre|rakuten|zalando|ozon|wildberries|taobao|tmall|digikala|flipkart)\b/,
  },
  { type: 'channel', value: 'subscription', re: /\bsubscribe\s+(?:&|and)\s+save\b|\b(?:my|a|the)\s+subscription\b/ },
];

// Cheap pre-checks per attribute type: a sentence without any of these cues cannot match that
// type's rules, so most sentences skip most patterns (this stage would otherwise dominate the run).
const TYPE_CUES: Record<string, RegExp> = {
  'life-stage':
    /mom|mum|mommy|mother|dad|father|parent|son|daughter|kid|child|toddler|newborn|twins|teen|little one|dog|cat|pupp|kitten|pup|student|dorm|retire|grand|husband|wife|hubby|partner|fianc|newlywed|married|wedding/,
  role: /\b(?:as|i'm|i am|im|i work|i've been|i have been|being|i run|i own|i manage|i operate)\b/,
  age: /\d|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties/,
  experience:
    /first|beginner|novice|newbie|new to|never|experience|seasoned|avid|serious|longtime|long-time|dedicated|hardcore|expert|veteran|owned|used|tried|tested|been|enthusiast|aficionado|connoisseur|snob|nerd|geek|buff/,
  usage:
    /work|office|job|commut|shift|travel|vacation|trip|camping|holiday|cruise|flight|plane|honeymoon|gym|running|hiking|yoga|cycling|biking|workout|training|tennis|golf|soccer|basketball|skiing|swimming|climbing|crossfit|pilates|jogging|runs|hikes|rides|gift|present|bought|purchased|got|ordered|fishing|hunting|gardening|backpacking/,
  motive:
    /sale|clearance|coupon|deal|friday|prime day|cyber|price drop|steal|discount|bargain|price|reviews|recommend|replac|broke|died|stopped|gave out|wore out|upgrad|trust|brand|eco|sustainab|environment|recycled|plastic|waste|because of|for the|for its/,
  'price-sensitivity':
    /budget|afford|bargain|deal|income|sale|full price|expensive|pricey|price|frugal|penny|money|buck|worth|paying|pay |splurge/,
  loyalty:
    /switch|bought|back|own|got|convert|again|another|second|third|fourth|fifth|2nd|3rd|4th|5th|several|many|multiple|repeat|loyal|return|send|sent|going back|recommend|last time|buy|order|purchase/,
  channel:
    /store|person|target|walmart|costco|best buy|depot|lowe|ikea|kohl|macy|nordstrom|maxx|marshalls|sam's|mall|outlet|online|website|web site|site|app|amazon|ebay|etsy|aliexpress|temu|mercado|rakuten|zalando|ozon|wildberries|taobao|tmall|digikala|flipkart|subscri/,
};

// Cheap pre-check: a sentence without any of these words cannot match a rule.
const TRIGGER =
  /\b(?:i|i'm|im|i've|i'd|i'll|my|we|we're|our|as|at|for|on|in|from|via|through|mom|mum|mother|dad|father|parent|recommended|replacing|replacement|upgrade\w*|eco|sustainab\w*|environmentally|recycled|plastic|zero|budget\w*|frugal|every|made|last|never|won't|wouldn't|will|would|definitely|plan|going|gonna|repeat|loyal|bought|ordered|purchased|got|tried|subscribe|newlyweds?|just|worth|splurged?|price|gift\w*|travel\w*|commuting|home|during|bang|value|it's|it|they're|only|wait\w*|first[- ]time|years|after|based|because|since|when|while|to|with)\b/;

/** Words before a promise to buy again or recommend that take it back. */
const HEDGE =
  /\b(?:not\s+(?:sure|certain|convinced)|unsure|doubt(?:ful)?|(?:don't|do\s+not|didn't|did\s+not)\s+(?:think|know|believe)|no\s+idea|wonder(?:ing)?|whether|unless|if|hesitant|can't\s+say|cannot\s+say|undecided|not\s+until)\b/;

/** English attribute rules. */
export const ENGLISH: RuleSet = {
  normalise: (text) => text.toLowerCase().replace(/[’‘]/g, "'"),
  trigger: TRIGGER,
  cues: TYPE_CUES,
  rules: RULES,
  hedge: HEDGE,
  clauseBreak: /[,;:]|\bbut\b/,
};
