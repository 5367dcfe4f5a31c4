/**
 * Hand-written sentences that carry the reviewers' attitudes: what they care about (price, craft,
 * service, gifting, family mornings, learning), plus titles, closers and self-disclosures.
 * Placeholders: {p} product short name, {b} brand, {c} category noun, {x} a competitor brand,
 * {price} the price; gift lines use {S}/{s}/{o}/{pos} for the recipient and [singular|plural] verbs.
 * A leading `@kettle,frother ` limits a line to those categories.
 */
import type { Attitude } from '../catalog-types.js';

/** Lines of one attitude by overall tone. */
export interface ToneLines {
  /** Said in 4–5 star reviews. */
  pos: string[];
  /** Said in 3 star reviews. */
  mix: string[];
  /** Said in 1–2 star reviews. */
  neg: string[];
}

/** What each attitude sounds like. */
export const ATTITUDE_LINES: Record<Attitude, ToneLines> = {
  value: {
    pos: [
      "For the money, it's hard to find anything better.",
      'I paid {price} and it performs like kit costing twice as much.',
      'Got it in a sale and it feels like a steal.',
      'Great value: it does everything the expensive ones do.',
      'I compared prices for weeks and this was the best deal by far.',
      "You could spend more, but I can't see why you would.",
      'It pays for itself quickly once you stop buying coffee on the way to work.',
      'No frills, but solid value for the price.',
      "I was about to pay more for a {x}, then found this for less and haven't looked back.",
      'Budget-friendly without feeling cheap.',
      'I waited for a discount code and it was worth the wait.',
      "It's not the fanciest, but for what I paid I'm more than happy.",
    ],
    mix: [
      'Decent for the price, though you can tell where they saved money.',
      'Fair value, not a bargain.',
      'It does the job, but at {price} I expected a little more polish.',
      "Good enough for the money, but I'd wait for a sale.",
      "It's cheaper than the {x} equivalent, and in places it shows.",
      'Worth it on offer, less so at full price.',
    ],
    neg: [
      'Overpriced for what you get.',
      'At {price} this should not feel so cheap.',
      'A cheaper alternative from {x} does the same job for less.',
      "Not worth the money; I'd have been better off with a basic model.",
      "You're paying for the name, not the quality.",
      'For that price I expected it to last more than a few months.',
      'Save your money and buy something simpler.',
    ],
  },
  quality: {
    pos: [
      'The build quality is excellent: solid metal, tight tolerances, nothing rattles.',
      'You can feel the precision in every control.',
      'The materials are the real thing, stainless steel with proper weight and no cheap plastic.',
      "It's the kind of tool that rewards care and attention.",
      'The cup is noticeably cleaner; all the little flavour notes come through.',
      'Whoever designed this clearly cares about coffee.',
      'Fit and finish are flawless, right down to the screws.',
      'It feels like it will last a decade, and that matters more to me than the price.',
      'The coffee finally tastes the way the roaster intended.',
      "It's a genuinely well-engineered piece of kit.",
      'Every adjustment is repeatable, which is what I need when dialling in a new bag of beans.',
    ],
    mix: [
      'The core is well made, but some of the finishing feels rushed.',
      'Good engineering let down by a few cheap parts.',
      'The taste is there, the craftsmanship not quite.',
      "Solid where it matters, a bit plasticky where it doesn't.",
      'The results are good, but I expected tighter tolerances at this level.',
    ],
    neg: [
      "The build quality is poor; seams don't line up and parts flex.",
      'It feels hollow and plasticky, nothing like the photos suggest.',
      "Precision is lacking, and with coffee that's everything.",
      'Cheap materials, and it shows after a few weeks.',
      "It's a gadget, not a tool, and serious coffee needs more than this.",
      'The coffee tastes flat and muddy; I never got a clean cup out of it.',
      'For anyone who cares about what ends up in the cup, this is a step backwards.',
    ],
  },
  support: {
    pos: [
      'It developed a fault, but customer service replaced it within a week, no questions asked.',
      'Support answered my email the same day and walked me through a fix.',
      'The warranty claim was painless: a courier collected the old one and the new one arrived two days later.',
      'Delivery was quick and the packaging was excellent.',
      'Returns were easy when the first one arrived with a dent.',
    ],
    mix: [
      'Customer service was slow to reply, but they did sort it out eventually.',
      'Delivery took nearly two weeks, and nobody explained why.',
      'The product is fine; the delivery experience was not.',
      'I had to chase support three times before anyone replied.',
    ],
    neg: [
      'Customer service is a nightmare: three emails, no reply.',
      'The warranty is worthless if nobody answers the phone.',
      'It arrived broken, and getting a return label took a month.',
      'Delivery was late twice and the courier left the parcel in the rain.',
      'Support keeps closing my ticket without fixing anything.',
      "They refused a warranty repair for 'misuse' when I used it exactly as the manual says.",
      "I've been waiting six weeks for a replacement part.",
      'After the third loop with their chatbot I gave up and disputed the charge.',
      'The hotline keeps you on hold for forty minutes and then cuts you off.',
      'Returning it was harder than buying it; they wanted the original box, tape and all.',
      'Nobody at {b} seems to read their emails any more.',
    ],
  },
  gift: {
    pos: [
      '{S} [uses|use] it every single morning and [keeps|keep] thanking me.',
      "The box is beautiful, so it didn't even need wrapping.",
      '{S} [was|were] genuinely delighted when {s} opened it.',
      'It looks far more expensive than it was, which is perfect for a present.',
      'Easy enough for a non-techie to use straight out of the box.',
      "{S} [loves|love] it so much that I'm tempted to buy one for myself.",
      'It made a great present, and the gift receipt was a nice touch.',
    ],
    mix: [
      '{S} [likes|like] it, but the instructions confused {o} and I had to set it up.',
      'The packaging was lovely, though the thing itself is just okay.',
      '{S} [uses|use] it, but I think {s} expected something fancier.',
    ],
    neg: [
      'Not a great present: it stopped working within a month.',
      'It was embarrassing to give something that broke within a week.',
      "The box arrived crushed, so it didn't exactly feel like a gift.",
      '{S} gave up on it and went back to {pos} old one.',
    ],
  },
  household: {
    pos: [
      'Mornings in our house are chaos, and this saves me a good five minutes.',
      'It is simple enough that my teenager makes his own coffee now.',
      'With everyone up at once, speed really matters, and it keeps up.',
      'It survives being knocked about by a busy family.',
      'Cleaning takes seconds, which is the only kind of cleaning I have time for.',
      '@kettle,frother,espresso Two coffees and a hot chocolate before the school run, done.',
      '@kettle,frother,espresso The auto shut-off gives me peace of mind with the kids running around.',
      'Everyone in the house can use it without asking me how.',
      "It's become the busiest appliance in our kitchen.",
    ],
    mix: [
      'Fine for one or two people, but it struggles when the whole family wants a drink.',
      'Handy on weekdays, though cleaning it after a busy weekend is a chore.',
      '@kettle,frother,espresso The kids love it, but I wish it were quicker in the morning rush.',
    ],
    neg: [
      'Far too fiddly for a house with small children.',
      '@kettle,frother,espresso Too slow for a family of five; whoever is last gets a lukewarm drink.',
      'It needs cleaning after every use, and nobody in a busy household has time for that.',
      'The controls are confusing enough that nobody else in the house uses it.',
      '@kettle,frother,espresso It gets far too hot on the outside for a kitchen with little hands in it.',
    ],
  },
  newcomer: {
    pos: [
      'This is my first proper coffee gear and it was easy to learn.',
      'I knew nothing about brewing, watched two videos, and now I make decent coffee every day.',
      'Perfect for a small flat or a student room.',
      'The manual actually explains things in plain language.',
      "As a beginner I was worried it would be complicated, but it isn't.",
      "It's made me curious about beans, roast dates and all that.",
    ],
    mix: [
      "There's a learning curve for a first-timer, but I'm getting there.",
      'Good for starting out, though I can already see myself upgrading.',
      'The instructions assume you already know the coffee jargon.',
    ],
    neg: [
      "Too complicated for a beginner; I still don't know what half the settings do.",
      'I gave it a fair try, but my coffee tastes worse than the café downstairs.',
      "The manual is useless if you're new to all this.",
    ],
  },
};

/** Gift context sentences, each with the recipient's pronoun. */
export const GIFT_OPENERS: { text: string; who: 'he' | 'she' | 'they' }[] = [
  { text: "Bought it for my dad's birthday.", who: 'he' },
  { text: 'This was a Christmas present for my sister, who lives on pour-over.', who: 'she' },
  { text: "I got this for my partner's birthday.", who: 'they' },
  { text: "A present for my mum, who'd been hinting for months.", who: 'she' },
  { text: 'Bought as a housewarming present for friends.', who: 'they' },
  { text: 'Got it for my brother when he moved into his first flat.', who: 'he' },
  { text: 'Our team bought it as a leaving present for a colleague.', who: 'they' },
  { text: 'Picked this up as an anniversary present for my husband.', who: 'he' },
  { text: 'A wedding present for my best friend.', who: 'she' },
  { text: 'Bought for my grandad, who still made his coffee in a saucepan.', who: 'he' },
  { text: "It was my wife's birthday present this year.", who: 'she' },
  { text: 'I bought two of these as Christmas presents for my parents and my in-laws.', who: 'they' },
];

/** Review titles by attitude and tone. */
export const TITLES: Record<Attitude, ToneLines> = {
  value: {
    pos: ['Great value', 'Bargain', 'Worth every cent', 'Best bang for the buck', 'Cheap and cheerful, and good', 'Pays for itself'],
    mix: ['Okay for the price', 'Fair value', 'Wait for a sale'],
    neg: ['Overpriced', 'Not worth the money', 'Pay less elsewhere'],
  },
  quality: {
    pos: ['Beautifully made', 'A precision tool', 'Built to last', 'Serious kit', 'The craftsmanship shows'],
    mix: ['Good, not premium', 'Almost there', 'Nearly great'],
    neg: ['Feels cheap', 'Poor build quality', 'Not for enthusiasts'],
  },
  support: {
    pos: ['Great service', 'Support sorted it', 'Fast delivery, good product'],
    mix: ['Good product, slow service', 'Service could be better'],
    neg: ['Terrible customer service', 'Warranty nightmare', 'Avoid their support', 'Still waiting for a replacement', 'Delivery disaster'],
  },
  gift: {
    pos: ['Perfect present', 'A hit as a gift', 'Gift well received', 'Lovely gift'],
    mix: ['Nice gift, average product'],
    neg: ['Gift gone wrong', 'Embarrassing present'],
  },
  household: {
    pos: ['Saves our mornings', 'Family favourite', 'Busy-household approved'],
    mix: ['Fine for small households'],
    neg: ['Not for families', 'Too fiddly for busy mornings'],
  },
  newcomer: {
    pos: ['Great for beginners', 'Perfect first {c}', 'Easy to learn'],
    mix: ['A learning curve'],
    neg: ['Not beginner-friendly'],
  },
};

/** Titles that fit any reviewer, by star rating (index 0 = 1 star). */
export const RATING_TITLES: string[][] = [
  ['Avoid', 'Broke quickly', 'Very disappointed', 'Returned it'],
  ['Disappointing', 'Expected more', 'Not great'],
  ['Mixed feelings', 'Does the job, just', "It's okay"],
  ['Very good', 'Happy with it', 'Solid {c}', 'Nearly perfect'],
  ['Love it', 'Excellent', 'Best {c} I have owned', 'Brilliant'],
];

/** Closing sentences by star rating (index 0 = 1 star). */
export const CLOSERS: string[][] = [
  ['Avoid.', 'It went straight back.', 'Steer clear.', 'A waste of money.', 'Never again.'],
  ['Disappointed.', "I wouldn't recommend it.", 'I expected better.', 'Not what I hoped for.'],
  ["It's okay.", 'Fine, not great.', "I'm on the fence.", "Not sure I'd buy it again.", 'Middle of the road.'],
  ['Recommended, with small reservations.', 'Happy with it overall.', 'Would buy again.', 'Good purchase.'],
  ['Would buy again without hesitation.', 'Highly recommended.', "Couldn't be happier.", 'No regrets at all.', 'I recommend it to anyone.'],
];

/** Words that turn a complaint after praise into a contrast. */
export const CONTRAST_TO_NEG = ['But', 'However,', 'Sadly,', 'Unfortunately,', 'On the other hand,'];

/** Words that turn praise after a complaint into a contrast. */
export const CONTRAST_TO_POS = ['That said,', 'Still,', 'Even so,', 'On the plus side,'];

/** Self-disclosure sentences by role, with the attribute each reveals. */
export const ROLE_LINES: Record<string, { lines: string[]; type: string; value: string }> = {
  mum: {
    type: 'life-stage',
    value: 'parent',
    lines: [
      'As a mum of two, I need things that just work.',
      "I'm a mum of three, so every minute in the morning counts.",
      'As a mum of two small kids, I judge everything by how it copes with the morning rush.',
    ],
  },
  dad: {
    type: 'life-stage',
    value: 'parent',
    lines: [
      'As a dad of two, I have about four minutes for coffee on a weekday.',
      "I'm a dad of three and mornings are a military operation.",
      'With two toddlers in the house, I need coffee that makes itself.',
    ],
  },
  student: {
    type: 'role',
    value: 'student',
    lines: [
      "I'm a student, so every euro counts.",
      "I'm a student living in a tiny shared flat.",
      "I'm a uni student and this sits on my desk next to the textbooks.",
    ],
  },
  'retired-teacher': {
    type: 'role',
    value: 'retired-teacher',
    lines: [
      'As a retired teacher I finally have time to make coffee properly.',
      'I taught for thirty-five years and now, retired, I enjoy a slow morning cup.',
    ],
  },
  'cafe-owner': {
    type: 'role',
    value: 'cafe-owner',
    lines: [
      "I run a small café, so I'm picky about consistency.",
      'I run a small café and wanted something at home that matches what we serve.',
    ],
  },
  'remote-worker': {
    type: 'role',
    value: 'remote-worker',
    lines: ['I work from home, so it gets used five or six times a day.', 'Working from home means this is my office coffee machine now.'],
  },
  'night-shift': {
    type: 'role',
    value: 'shift-worker',
    lines: ['I work night shifts, so my "morning" coffee happens at 6pm.'],
  },
};

/** Age disclosures; {age} is the reviewer's stated age. */
export const AGE_LINES = [
  "I'm {age}, and coffee at home is my one daily luxury.",
  "I'm {age} and drink my coffee black, so I notice every flaw.",
  "For context, I'm {age} and drink three or four cups a day.",
  "I'm {age} and not much of a gadget person.",
  'At {age} I finally decided to stop buying coffee on the way to work.',
];

/** Where the reviewer bought it. */
export const CHANNEL_LINES: { text: string; value: 'online' | 'in-store' }[] = [
  { text: 'I bought it in store after trying a few in the shop.', value: 'in-store' },
  { text: 'I ordered it online, as I do most things these days.', value: 'online' },
  { text: 'Ordered online after comparing a few shops.', value: 'online' },
  { text: 'I bought it in store, where the staff let me try it first.', value: 'in-store' },
  { text: 'I ordered it online after reading far too many reviews.', value: 'online' },
];

/** After switching from an earlier product ({prev}) that let the reviewer down. */
export const SWITCH_LINES: ToneLines = {
  pos: [
    'I switched from the {prev} after it let me down, and this is a clear step up.',
    'I replaced my {prev} with this and should have done it a year ago.',
    'Coming from the {prev}, the difference is obvious from the first cup.',
  ],
  mix: [
    'I switched from the {prev}; this is better in some ways, worse in others.',
    'After the {prev}, this is a sideways move rather than a step up.',
  ],
  neg: ["I replaced my {prev} with this and honestly wish I hadn't.", 'I switched from the {prev}, and I miss it already.'],
};

/** Comparisons with a competitor brand {x}. */
export const COMPARE_LINES: ToneLines = {
  pos: [
    'It feels sturdier than the {x} I had before.',
    'Much nicer to use than the {x} my sister has.',
    "I tried a {x} in a friend's kitchen and preferred this one.",
  ],
  mix: ['A friend swears by {x}; I can see why, but this is fine for me.'],
  neg: ['My old {x} was better, and cheaper.', 'Should have bought the {x} instead.'],
};
