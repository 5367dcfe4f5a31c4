/**
 * Review Radar's own English review-domain lexicon (project licence), layered over VADER: words and
 * phrases product and service reviews use that VADER lacks or weighs for social media ("flimsy",
 * "stopped working", "worth every penny"), and senses VADER gets wrong in reviews ("support" and
 * "top" are aspects here, "joke" is an insult). Values are on VADER's [-4, 4] scale. An entry may give
 * a second value for its negated form when plain flipping would be wrong: "doesn't work" is far worse
 * than "works" is good. These numbers are the scorer's weights: a later phase can learn them.
 */

/** A valence, or [valence, valence when negated]. */
export type LexiconValue = number | readonly [number, number];

/** Single words: adds to or overrides VADER. */
export const EN_WORDS: Record<string, LexiconValue> = {
  // Build, durability, function.
  sturdy: 1.8, durable: 1.8, solid: 1.2, robust: 1.5, reliable: [1.8, -1.8], dependable: 1.8, flimsy: -2.0,
  cheaply: -1.8, cheap: -0.8, junk: -2.5, junky: -2.2, defective: -2.2, faulty: -2.2, unreliable: -2.0,
  malfunction: -2.0, malfunctioned: -2.2, malfunctions: -2.0, malfunctioning: -2.2, unusable: -2.5, inoperable: -2.5,
  glitchy: -1.8, glitch: -1.5, glitches: -1.5, buggy: -1.8, laggy: -1.5, crashes: -1.5, crashed: -1.5,
  crashing: -1.5, freezes: -1.5, froze: -1.5, freezing: -0.5, leaks: -1.8, leaked: -1.8, leaking: -1.8, leaky: -1.8,
  cracked: -1.8, shattered: -2.0, scratched: -1.2, dented: -1.5, rusted: -1.8, rusty: -1.5, peeling: -1.5, peeled: -1.3,
  torn: -1.5, ripped: -1.5, snapped: -1.5, jammed: -1.5, frayed: -1.5, unraveled: -1.5, unraveling: -1.5, pilling: -1.5, pilled: -1.5, shrunk: -1.5,
  shrank: -1.5, faded: -1.2, fades: -1.0, broke: -2.2, breaks: -1.8, breaking: -1.5, broken: -2.3, died: -2.4, dies: -2.0,
  dying: -1.5, overheats: -1.8, overheating: -1.8, overheated: -1.8, drains: -1.2, defect: -1.8, defects: -1.8,
  flaw: [-1.5, 1.2], flaws: [-1.5, 1.5], issue: [-1.0, 1.2], issues: [-1.2, 1.5], problem: [-1.7, 1.5], problems: [-1.7, 1.5],
  complaint: [-1.2, 1.8], complaints: [-1.7, 2.0], work: [0, -2.5], works: [0.8, -2.5], worked: [0.8, -2.5],
  working: [0.4, -2.5], function: [0, -2.2], functions: [0.5, -2.2], last: [0, -1.8], lasts: [1.2, -1.8],
  lasted: [0.6, -1.8], hold: [0, -1.2], holds: [0.8, -1.5], charge: [0, -1.2], fit: [0, -1.8], fits: [0.8, -1.8], fitted: [0.5, -1.5],
  // Comfort, looks, feel.
  comfy: 2.0, comfortable: 2.0, uncomfortable: -2.0, soft: 1.0, cozy: 1.8, cosy: 1.8, flattering: 2.2, unflattering: -2.0,
  frumpy: -1.8, boxy: -1.0, baggy: -0.8, sheer: -0.6, itchy: -1.6, scratchy: -1.5, stiff: -0.8, gorgeous: 3.0, stunning: 2.8,
  stylish: 1.8, sleek: 1.5, elegant: 2.0, chic: 1.5, cute: 2.0, adorable: 2.2, classy: 1.8, tacky: -1.5, ugly: -2.5,
  // Ease, performance.
  intuitive: 1.5, handy: 1.5, convenient: 1.5, inconvenient: -1.5, effortless: 1.8, effortlessly: 1.8, seamless: 1.8,
  seamlessly: 1.8, smooth: 1.2, smoothly: 1.2, responsive: 1.2, unresponsive: -1.8, efficient: 1.5, inefficient: -1.5,
  effective: 1.5, ineffective: -1.8, accurate: 1.3, inaccurate: -1.5, versatile: 1.5, powerful: 1.5, fast: 0.8, quick: 0.8,
  speedy: 1.0, slow: -0.8, sluggish: -1.5, clunky: -1.5, bulky: -0.8, cumbersome: -1.5, fiddly: -1.2,
  finicky: -1.5, tricky: -0.8, confusing: -1.5, complicated: -1.0, hassle: -1.5, nightmare: -2.5, headache: -1.5,
  crisp: 1.2, clear: 1.0, blurry: -1.5, grainy: -1.2, muffled: -1.5, static: -1.0, noisy: -1.5, quiet: 0.8, loud: -0.3,
  spacious: 1.5, roomy: 1.2, lightweight: 0.8, flawless: 2.8, flawlessly: 2.8, flawed: -1.5,
  // Value.
  affordable: 1.5, inexpensive: 1.0, bargain: 1.8, overpriced: -2.2, pricey: -0.8, expensive: -0.5, worth: [1.2, -2.2],
  worthwhile: 1.8, ripoff: -2.5, 'rip-off': -2.5, refunded: -0.8, scam: -2.8, counterfeit: -2.0, knockoff: -1.5,
  'knock-off': -1.5, misleading: -2.0,
  // Food and service.
  tasty: 2.2, yummy: 2.2, flavorful: 2.0, flavourful: 2.0, scrumptious: 2.5, fresh: 1.2, bland: -1.8, tasteless: -2.0,
  flavorless: -2.0, stale: -1.8, soggy: -1.8, greasy: -1.5, overcooked: -1.8, undercooked: -1.8, burnt: -1.5, lukewarm: -1.2,
  inedible: -2.8, salty: -0.8, dry: -0.3, mushy: -1.3, rubbery: -1.5, attentive: 1.8, courteous: 2.0, polite: 1.8,
  knowledgeable: 1.5, professional: 1.2, unprofessional: -2.0, unhelpful: -2.0, incompetent: -2.2, prompt: 1.0,
  timely: 1.2, rude: -2.2, filthy: -2.5, dirty: -1.8, smelly: -1.5, stinks: -2.0, sticky: -0.8,
  authentic: 1.5, homemade: 1.0, tender: 1.5, juicy: 1.5, crispy: 1.0, crunchy: 0.5, moist: 1.0, flaky: 0, watery: -1.5,
  tough: -0.8, chewy: -0.8, frozen: -0.3, microwaved: -1.5, reheated: -1.2, edible: -0.3, welcoming: 1.8,
  accommodating: 1.5, ignored: -1.5, forgot: -1.2, forgotten: -1.2, overwhelmed: -0.5, generous: 1.8, reasonable: 1.2,
  lackluster: -1.8, lacklustre: -1.8, heavenly: 2.5, delish: 2.5, yum: 2.0, mouthwatering: 2.5, succulent: 2.0,
  inattentive: -1.8, rushed: -1.2, unfriendly: -2.0, snobby: -1.8, pretentious: -1.5, cockroach: -2.5, cockroaches: -2.5,
  reasonably: 0.8, understaffed: -1.8, disorganized: -1.8, unorganized: -1.8, cramped: -1.2, crowded: -0.8,
  // Orders, deliveries, bookings: VADER has "cancelled" and "delay" but not the US spelling or the plural.
  canceled: -1.0, cancelation: -0.8, cancellation: -0.8, cancellations: -0.8, cancelations: -0.8, delays: -1.3,
  stranded: -1.8, overbooked: -1.5,
  // Verdicts.
  pleased: 2.0, satisfied: [1.8, -2.0], impressed: [2.0, -1.8], unimpressed: -1.8, underwhelmed: -1.8, underwhelming: -1.8,
  disappoint: [-2.0, 1.5], disappoints: [-2.0, 1.8], disappointed: [-2.3, 1.2], disappointing: [-2.3, 1.0], disappointment: -2.4,
  letdown: -2.0, overrated: -1.8, mediocre: -1.5, meh: -1.0, subpar: -2.0, 'sub-par': -2.0, 'so-so': -0.8, average: -0.3,
  recommend: [1.8, -2.5], recommended: [1.5, -2.0], recommendable: 1.5, favorite: 2.0, favourite: 2.0, gem: 2.0,
  winner: 2.0, keeper: 2.0, lifesaver: 2.5, regret: [-2.0, 1.8], regrets: [-1.5, 1.5], regretted: -2.0, avoid: -1.8,
  unacceptable: -2.5, ridiculous: -1.8, pathetic: -2.5, horrendous: -3.0, atrocious: -3.0, abysmal: -3.0,
  joke: -1.2, returned: -1.0, returning: -0.3,
  // Senses VADER reads as social-media sentiment but reviews use neutrally.
  support: 0, care: 0.3, help: 0.3, please: 0, free: 0.4, value: 0.5, top: 0, kind: 1.0, hope: 0.4, hoping: 0, true: 0.3,
  god: 0, ok: 0.8, okay: 0.6, well: 0.6, sweet: 1.2, easy: 1.5, hard: -0.6, pretty: 1.8, super: 2.0, like: 1.5, dear: 0,
  miss: -0.5, want: 0, fan: [1.0, -1.5], fine: 0.8, honest: 0.5, honestly: 0, serious: 0, seriously: 0,
  no: 0, yes: 0.5, sure: 0.3, killer: 0.5, bomb: 0, important: 0.3, welcome: 1.0, ready: 0, interesting: 0.8, bright: 1.0,
  thanks: 1.0, thank: 1.0, garbage: -2.5, trash: -2.2, lacks: -1.3, lacking: -1.3, lacked: -1.3, awkward: -1.0,
  cut: 0, cuts: 0, cutting: 0, worn: 0, loose: -0.3, casual: 0, casually: 0, tops: 0, low: 0, lower: 0, l: 0, straight: 0,
  justice: [0.5, -1.5], hide: 0, hides: 0, hiding: 0, hand: 0, holiday: 0, holidays: 0, number: 0, pay: 0, alone: 0,
  obsessed: 1.5, play: 0, plays: 0, amazon: 0, stop: -0.3, falling: 0, chance: 0.3, risk: -0.5, warmer: 0.5, warmth: 0.8,
  friend: 0.3, friends: 0.3, drop: -0.3, leave: 0, reach: 0, reached: 0, create: 0.3, creates: 0.3, created: 0.3, block: -0.5,
  blocking: -0.3, save: 0.5, fire: 0, scoop: 0, treat: 0.8, charged: 0, ability: 0, respect: 0, alarm: 0, glare: -0.5,
  engagement: 0, diamond: 0, funeral: 0, parties: 0, villain: 0, sins: 0, pu: 0, tx: 0, fyi: 0, mock: 0, distressed: 0,
  detached: 0, crushed: -0.5, fallen: 0, steal: 0, suspect: -0.5, prevent: 0, struck: 0, trick: 0, lose: -0.8, easily: 0.3,
  quickly: 0, clearly: 0.3, hoped: 0, hopes: 0.3, incredible: 3.0, tremendous: 2.5, phenomenal: 3.0, exceptional: 2.8,
  stellar: 2.8, decent: 1.0, rocks: 2.0, rocked: 1.5, shoddy: -2.2, unintelligible: -2.0, unbearable: -2.5, drawback: -1.5,
  drawbacks: -1.5, forgery: -2.0, forgeries: -2.0, beware: -2.0, breakage: -1.5, functional: 1.0, snug: [0.5, -1.2],
  fooled: -1.5, slim: 0.5, careful: -0.3, properly: [0.8, -2.0], included: [0, -1.5], match: [0, -1.5], stay: [0, -1.2],
  compete: [0, -1.2], fixes: 1.0, smudged: -1.0, smudges: -1.0, refund: [-1.5, -1.5], restocking: -1.5,
  tts: 1.0, late: -0.8, enough: [0.3, -1.5], sweetest: 2.0, bother: [-0.8, 0], break: -1.0, drain: -0.8, forever: -0.5, simpler: 0.8,
  lol: 0.5, haha: 0.8, comfort: 0.8, credit: 0, interest: 0, interested: 0, party: 0, fun: 1.8, matter: 0, share: 0,
  'no.': 0, wish: -0.3, expected: 0, expecting: 0, big: 0, huge: 0, warm: 0.6, hot: 0, cold: 0, sorry: -0.5,
};

/**
 * Multi-word expressions, matched before single words (longest first). "n't" forms are written once
 * ("don't buy") and also match "dont buy" and "do not buy".
 */
export const EN_PHRASES: Record<string, LexiconValue> = {
  // Praise.
  'worth every penny': 3.0, 'worth every cent': 3.0, 'worth the money': [2.2, -2.5], 'worth the price': [2.2, -2.5],
  'worth it': [2.0, -2.5], 'worth the wait': 2.0, 'money well spent': 2.5, 'bang for the buck': 2.0, 'bang for your buck': 2.0,
  'value for money': 1.5, 'well made': 2.0, 'well-made': 2.0, 'well built': 2.0, 'well-built': 2.0, 'well designed': 2.0,
  'well-designed': 2.0, 'well constructed': 2.0, 'high quality': 2.0, 'high-quality': 2.0, 'top notch': 2.5, 'top-notch': 2.5,
  'first rate': 2.2, 'first-rate': 2.2, 'does the job': [1.5, -2.2], 'does the trick': 1.5, 'gets the job done': 1.5, 'did the job': 1.2,
  'did the trick': 1.5, 'as described': 1.0, 'as advertised': 1.0, 'as pictured': 0.8, 'exceeded my expectations': 2.5,
  'exceeded expectations': 2.5, 'exceeds my expectations': 2.5, 'exceeds expectations': 2.5, 'beyond my expectations': 2.2,
  'met my expectations': 1.5, 'meets my expectations': 1.5, 'lived up to': [1.5, -2.0], 'live up to': [1.0, -2.0],
  'must have': 2.0, 'must-have': 2.5, 'a must': 2.0, 'game changer': 2.5, 'game-changer': 2.5, 'life saver': 2.5,
  'five stars': 2.5, '5 stars': 2.5, 'four stars': 1.5, '4 stars': 1.5, 'three stars': -0.3, '3 stars': -0.3, 'two stars': -1.5,
  '2 stars': -1.5, 'one star': -2.5, '1 star': -2.5, 'zero stars': -2.8, '0 stars': -2.8, 'no stars': -2.8, '10/10': 2.5,
  'a+': 2.2, 'thumbs up': 2.0, 'thumbs down': -2.0, 'so far so good': 1.5, 'hit the spot': 2.0, 'hits the spot': 2.0,
  'to die for': 2.5, 'blown away': 2.5, 'out of this world': 2.5, 'second to none': 2.5, 'on point': 1.8, 'spot on': 1.8,
  'no complaints': 2.0, 'no complaint': 1.8, 'zero complaints': 2.0, 'no issues': 1.5, 'no problems': 1.5, 'no problem': 1.2,
  'works like a charm': 2.8, 'like a charm': 2.5, 'true to size': 1.2, 'loud and clear': 1.5, 'crystal clear': 2.0,
  'would buy again': 2.2, 'will buy again': 2.2, 'buy again': [1.5, -2.5], 'buy it again': [1.5, -2.5], 'buy another': 1.5,
  'order again': [1.5, -2.5], 'ordering again': [1.5, -2.5], 'will be back': [2.0, -2.5], 'be back': [1.5, -2.5],
  'come back': [1.2, -2.2], 'coming back': [1.2, -2.2], 'go back': [1.0, -2.2], 'going back': [1.0, -2.2], 'will return': [1.5, -2.2],
  'will definitely return': 2.0, 'highly recommend': 2.8, 'highly recommended': 2.8, 'strongly recommend': 2.6,
  "couldn't be happier": 3.0, "could not be happier": 3.0, 'never been happier': 3.0, "couldn't ask for more": 2.5,
  "couldn't ask for better": 2.5, "can't say enough": 2.5, "can't recommend enough": 3.0, "can't recommend it enough": 3.0,
  "can't recommend this enough": 3.0, "can't go wrong": 2.5, "can't beat": 2.2, "can't complain": 1.5, "can't wait": 1.5,
  'nothing but good': 2.0, 'love it': 3.0, 'love this': 3.0, 'love them': 3.0, 'in love with': 2.8, 'fell in love': 2.8,
  'very happy': 2.9, 'happy camper': 2.5, 'piece of art': 2.0, 'works great': 3.0, 'works well': 2.0, 'work well': [2.0, -2.2],
  'works perfectly': 3.0, 'works fine': 1.5, 'work great': [2.5, -2.2], 'easy to use': 1.8, 'easy to clean': 1.8,
  // Complaints.
  'waste of money': -3.0, 'waste of time': -2.8, 'a waste': -2.4, 'wasted my money': -2.8, 'not worth': -2.2,
  "don't waste your money": -3.0, "don't waste your time": -3.0, "don't waste": -2.5, 'save your money': -2.5,
  'piece of junk': -3.0, 'piece of crap': -3.2, 'piece of garbage': -3.2, 'piece of trash': -3.0, 'piece of shit': -3.3,
  'stopped working': -2.8, 'quit working': -2.8, 'stops working': -2.8, 'stop working': -2.5, 'stopped charging': -2.5,
  'no longer works': -2.5, 'no longer working': -2.5, 'broke after': -2.6, 'broken after': -2.5, 'fell apart': -2.5,
  'falls apart': -2.5, 'falling apart': -2.5, 'came apart': -2.2, 'comes apart': -2.0, 'fall apart': -2.3, 'gave out': -2.0,
  'gave up': -1.2, 'died after': -2.6, 'dead on arrival': -3.0, doa: -3.0, 'turn on': [0, -2.5], 'turns on': [0.3, -2.5],
  'returned it': -2.0, 'returning it': -2.0, 'return it': -1.5, 'returned them': -2.0, 'returning them': -2.0, 'returned this': -2.0,
  'returning this': -2.0, 'return this': -1.5, 'returned the': -1.6, 'will return it': -1.8, 'will be returning it': -2.0,
  'will be returning this': -2.0, 'will be returning them': -2.0, 'sent it back': -2.0, 'send it back': -1.8,
  'sending it back': -2.0, 'sent them back': -2.0, 'sending them back': -2.0, 'sent back': -1.6, 'went back': -0.8,
  'money back': -1.8, 'my money back': -2.5, 'buyer beware': -2.8, "don't buy": -3.0, "won't buy": -2.5, 'never buy': -2.5,
  "wouldn't buy": -2.5, 'never again': -2.5, 'never going back': -2.5, 'stay away': -2.5, 'steer clear': -2.5,
  'let down': -2.0, 'a joke': -2.0, 'rip off': -2.5, 'ripped off': -2.5, 'so so': -0.8, 'just ok': -0.5, 'just okay': -0.5, 'only ok': -0.5,
  'only okay': -0.5, 'nothing special': -1.2, 'nothing to write home about': -1.2, 'not impressed': -1.8, 'not a fan': -1.5,
  'false advertising': -2.5, 'wrong item': -2.0, 'wrong size': -1.5, 'never arrived': -2.5, 'never received': -2.5,
  'never came': -2.2, 'arrived late': -1.5, 'arrived broken': -2.5, 'arrived damaged': -2.5, 'arrived dead': -2.8,
  'runs small': -0.8, 'runs large': -0.6, 'runs big': -0.6, 'see through': -0.6, 'see-through': -0.8, 'feels cheap': -2.0,
  'looks cheap': -2.0, 'cheap plastic': -1.8, 'cheaply made': -2.2, 'poorly made': -2.4, 'poorly designed': -2.2,
  'poor quality': -2.5, 'low quality': -2.2, 'bad quality': -2.6, 'hard to': -1.0, 'difficult to': -1.2, 'impossible to': -1.8,
  'a pain': -1.8, 'pain in the': -2.0, 'dropped calls': -2.0, 'drops calls': -2.0, 'dropping calls': -2.0, 'keeps dropping': -2.0,
  'gets hot': -1.0, 'too much': -0.8, 'wanted to love': -1.5, 'wanted to like': -1.5, 'really wanted to like': -1.8,
  'really wanted to love': -1.8, 'was hoping': -0.8, 'i was hoping': -0.8, 'hoped for better': -1.8, 'expected more': -1.5,
  'expected better': -1.8, 'expected much more': -1.8, 'should have read': -1.5, 'not as described': -2.2,
  'not as advertised': -2.2, 'not as pictured': -1.8, 'not what i expected': -1.5, 'not what i ordered': -2.0,
  'still waiting': -1.5, 'thanks for nothing': -2.2, "hasn't arrived": -1.8, "haven't received": -1.8, "hasn't shipped": -1.5,
  "can't get through": -1.5, "couldn't get through": -1.5, 'been trying to reach': -1.0, 'down again': -1.5,
  'no response': -1.8, 'never responded': -2.0, 'never heard back': -2.0, 'on hold': -0.8, 'waited for': -0.8,
  'had to wait': -1.0, 'customer disservice': -2.5, 'what a joke': -2.5, 'give it zero': -2.8, 'give it 0': -2.8,
  'not even one star': -2.8, 'nothing works': -2.5, 'not working': -2.5, 'five star': 2.5, '5 star': 2.5, 'no star': -2.5,
  "don't purchase": -2.8, "don't be fooled": -2.0, "couldn't get it to": -1.8, "can't get it to": -1.8, "couldn't stand": -2.0,
  'do the job': [1.2, -2.2], 'what i wanted': [1.5, -2.0], 'what i needed': [1.5, -2.0],
  'what i expected': [0.8, -1.5], 'as expected': 0.5, 'on time': [1.2, -1.5], 'right away': 0.8, 'without effort': 1.5,
  "know what they're doing": [1.5, -2.0], 'knows what they are doing': 1.5, 'total package': 2.0, 'does everything': 1.2,
  'down the drain': -2.5, 'threw my money': -2.2, 'throw your money': -2.2, 'out the window': -1.5, 'for no reason': -1.0,
  'went black': -1.5, 'went dead': -2.0, 'goes dead': -2.0, 'kept dropping': -1.8, 'keep dropping': -1.8, 'long lasting': 1.8,
  'long-lasting': 1.8, 'last time buying': -2.0, 'nothing happens': -1.8, 'nothing happened': -1.8, 'order another': 1.5,
  'made my day': 2.5, 'made my week': 2.5, 'made my night': 2.5, 'made my morning': 2.5, 'made my year': 2.8, 'makes my day': 2.5, 'arrived quickly': 1.2, 'shipped quickly': 1.2, 'arrived fast': 1.2, 'arrived early': 1.0, 'arrived on time': 1.2,
  'less expensive': 1.0, 'light weight': 0.8, 'for the long haul': 1.5, "don't make the same mistake": -2.0,
  'same mistake': -2.0, 'my mistake': -1.8, "don't bother": -2.0, 'out of luck': -1.5, 'restocking fee': -1.8,
  'only lasted': -1.5, 'lasted only': -1.5, 'only lasts': -1.5, 'lasts only': -1.5, 'runs down': -1.0, 'better than this': -1.5,
  'better than these': -1.5, 'blew up': -2.0, 'falls out': -1.2, 'fall out': -1.0, 'falls off': -1.2, 'fell off': -1.2,
  'fall off': -1.0, 'comes off': -1.0, 'came off': -1.0, 'slow to a crawl': -2.0, 'lock up': -1.5, 'locks up': -1.5,
  'locked up': -1.5, 'figure it out': [0, -1.5], 'figure out': [0, -1.2], 'never got': -1.5, 'had to buy': -1.0,
  'had to purchase': -1.0, 'had to return': -1.8, 'had to send': -1.5, 'unable to': -1.0, 'no life': -1.5,
  'you get what you pay for': -1.2, 'looking for a new': -1.2, 'look for a new': -1.0, 'looking for another': -1.2,
  'fry it': -1.5, 'takes forever': -1.8, 'took forever': -1.8, 'taking forever': -1.8, "couldn't be easier": 2.5,
  "couldn't have been easier": 2.5, "couldn't be simpler": 2.5, "couldn't have been simpler": 2.5, "couldn't be better": 2.8,
  "couldn't have been better": 2.8, "couldn't be more happier": 3.0, "couldn't be more pleased": 3.0, "can't be beat": 2.5,
  'keep looking': -1.8, 'below expectations': -2.0, 'below my expectations': -2.0, 'far below': -1.5, 'fall below': -1.5,
  'below par': -1.5, 'up to par': [1.0, -1.5], 'must try': 1.8, 'must-try': 2.0, 'mouth watering': 2.5,
  'food poisoning': -3.0, 'got sick': -2.5, 'hair in': -2.5, 'fly in': -2.0, 'long wait': -1.5, 'waited forever': -2.2,
  'wrong order': -1.8, 'messed up': -1.8, 'mess up': -1.5, 'no one came': -1.8, 'nobody came': -1.8, 'hidden gem': 2.5,
  'go-to': 1.5, 'perfectly cooked': 2.5, 'cooked perfectly': 2.5, 'to perfection': 2.5, 'small portions': -1.0,
  'tiny portions': -1.5, 'generous portions': 2.0, 'reasonably priced': 1.8, 'fairly priced': 1.5, 'good value': 2.2,
  'great value': 2.8, 'melt in your mouth': 2.5, 'melts in your mouth': 2.5, 'came out cold': -1.8, 'was cold': -1.0,
  'were cold': -1.0, 'food was cold': -1.5, 'not fresh': -1.8, 'friendly staff': 2.0, 'great service': 2.8,
  'a steal': 2.0, 'be careful': -1.5, 'do it justice': [0.5, -1.5],
  // Neutral multi-word uses of opinion words: they block the single-word reading.
  'as well': 0, 'as well as': 0, 'pretty much': 0, 'looks like': 0, 'look like': 0,
  'feels like': 0, 'feel like': 0, 'seems like': 0, 'seem like': 0, 'sounds like': 0, 'just like': 0, 'more like': 0,
  'would like': 0, "i'd like": 0, 'no doubt': 0.5, 'without a doubt': 1.0, 'top of': 0, 'on top': 0, 'free shipping': 0.5,
  'good luck': 0, 'good morning': 0, 'oh my god': 0, 'oh my gosh': 0, 'for free': 0.8, 'well as': 0, 'super bowl': 0,
  'like new': 1.5, 'brand new': 0, 'thank you': 1.0, 'thanks to': 0.3, 'no wonder': -0.3, 'needless to say': 0,
};

/** Words that negate the opinion after them (within a few words, inside the clause). */
export const EN_NEGATORS: ReadonlySet<string> = new Set(
  `not no never none nobody nothing neither nor without hardly barely scarcely cannot n't ain't aint
   don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent won't wont
   wouldn't wouldnt can't cant couldn't couldnt shouldn't shouldnt haven't havent hasn't hasnt hadn't hadnt
   mustn't needn't`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that turn a following negator off ("not only", "not just"). */
export const EN_NEGATION_BREAKERS: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply']);

/** Words negation skips over while looking for its target ("not the best", "isn't very good"). */
export const EN_NEGATION_SKIP: ReadonlySet<string> = new Set(
  `a an the very really so too that this it its it's be been being as even particularly overly terribly
   super exactly actually much any all at quite that's is was are were am feel feels felt look looks seem
   seems think thought believe my your our their his her to get got make made and or of for in up`
    .split(/\s+/)
    .filter(Boolean),
);

/** Intensifiers: multiply the next opinion (within two words). A Map, so that review words such as "constructor" are not found on an object's prototype. */
export const EN_BOOSTERS: ReadonlyMap<string, number> = new Map(Object.entries({
  very: 1.3, really: 1.3, so: 1.25, extremely: 1.45, super: 1.35, absolutely: 1.4, totally: 1.35, completely: 1.35,
  incredibly: 1.45, highly: 1.35, truly: 1.3, most: 1.2, particularly: 1.2, especially: 1.2, exceptionally: 1.45,
  amazingly: 1.4, remarkably: 1.35, utterly: 1.45, insanely: 1.45, ridiculously: 1.4, thoroughly: 1.3, deeply: 1.3,
  fully: 1.2, damn: 1.3, freaking: 1.35, fucking: 1.45, way: 1.2, such: 1.2, quite: 1.1, too: 1.2, soo: 1.35,
  sooo: 1.4, soooo: 1.45, definitely: 1.2, seriously: 1.25, simply: 1.15, just: 1.05, beyond: 1.3,
  overly: 1.3, terribly: 1.35, awfully: 1.3, hugely: 1.35, mega: 1.3, crazy: 1.3, real: 1.15, pretty: 0.9,
  kind: 0.6, sort: 0.6, kinda: 0.6, sorta: 0.6, slightly: 0.55, somewhat: 0.6, fairly: 0.75, rather: 0.8, mostly: 0.8,
  partly: 0.6, marginally: 0.55, relatively: 0.8, reasonably: 0.85, bit: 0.6, little: 0.65, tad: 0.6, almost: 0.8, mildly: 0.6,
}));

/** Booster words that only boost when an opinion follows (otherwise they are ordinary words). */
export const EN_BOOSTER_ONLY_BEFORE_OPINION: ReadonlySet<string> = new Set(['super', 'pretty', 'real', 'kind', 'crazy', 'way', 'damn', 'little', 'bit']);

/** "but"-like words: the clause after them weighs more, the one before less. */
export const EN_CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'yet', 'except', 'nevertheless', 'nonetheless', 'unfortunately', 'sadly']);

/** Multi-word intensifiers and diminishers: multiply the next opinion like single boosters do. */
export const EN_MODIFIER_PHRASES: Record<string, number> = {
  'kind of': 0.6, 'sort of': 0.6, 'a bit': 0.6, 'a little': 0.65, 'a little bit': 0.55, 'a tad': 0.6, 'by far': 1.3,
  'very very': 1.45, 'really really': 1.45, 'more than': 1.1, 'at least': 0.9,
};

/**
 * Praise that can stand alone as an exclamation ("Great.", "Oh, perfect!"): ironic when everything
 * else the text says is a complaint ("Great, another cancelled flight").
 */
export const EN_IRONIC_PRAISE: ReadonlySet<string> = new Set(
  'great awesome perfect wonderful fantastic brilliant lovely nice terrific super fabulous splendid excellent amazing superb marvelous marvellous outstanding cool sweet yay appreciate appreciated'.split(' '),
);

/** Words that may stand beside such an exclamation without making it a statement ("oh great", "just perfect", "great job"). */
export const EN_IRONY_FILLERS: ReadonlySet<string> = new Set(
  "oh just so really well how yeah yea wow real very absolutely simply job work one move going that this is was that's it it's what a way to go ok okay thanks thank you".split(' '),
);

/** Thanking words: polite, not praise, beside a complaint; sarcastic when what is thanked for is a complaint. */
export const EN_THANKS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'ty', 'thankyou']);

/** Words that make a complaint beside praise a sincere reservation rather than irony ("Great! Only wish it were longer"). */
export const EN_RESERVATION: ReadonlySet<string> = new Set(['only', 'minor', 'wish', 'otherwise', 'overall', 'still', 'although', 'though', 'but', 'however', 'yet', 'except', 'nevertheless', 'nonetheless', 'despite', 'whereas', 'albeit']);

/** Units of a stated wait ("45 minutes", "two days"). */
export const EN_WAIT_UNITS: ReadonlySet<string> = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months']);

/** Amounts before such a unit, besides digits. */
export const EN_WAIT_AMOUNTS: ReadonlySet<string> = new Set('a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty several few couple many multiple countless extra more'.split(' '));

/** Words that make a stated duration a wait: "waited 3 hours", "2 hours on hold", "45 minutes late". */
export const EN_WAIT_WORDS: ReadonlySet<string> = new Set(['wait', 'waits', 'waited', 'waiting', 'hold', 'sat', 'sitting', 'stuck', 'queue', 'queued', 'queuing', 'queueing', 'line', 'delayed', 'late', 'tarmac']);

/** Words that make a wait something else: "waited two weeks before writing this review". */
export const EN_WAIT_NOT_COMPLAINT: ReadonlySet<string> = new Set(['review', 'reviewing', 'write', 'writing', 'post', 'posting', 'rate', 'rating', 'judge', 'worth']);

/** Concessive words: the clause they open weighs less ("Although it is cheap, …"). */
export const EN_CONCESSIVE: ReadonlySet<string> = new Set(['although', 'though', 'despite', 'whereas', 'while', 'albeit']);

/** Sentence openers that mark a verdict: the sentence weighs more in the document. */
export const EN_VERDICT_OPENERS: readonly string[] = ['overall', 'all in all', 'in conclusion', 'in summary', 'bottom line', 'in short', 'to sum up', 'all things considered', 'in the end'];

/** Adjectives that, after "too", are a complaint even though they are neutral alone ("too small"). */
export const EN_TOO_COMPLAINTS: ReadonlySet<string> = new Set(
  `big small large long short tight loose wide narrow thin thick heavy light low high much many expensive pricey
   sheer boxy baggy hot cold loud slow sweet salty spicy dry greasy oily bright dim short tall stiff soft hard
   strong weak bulky fragile sensitive complicated small-ish busy crowded noisy early late frequent little few
   fast quick tiny huge flimsy boring plain generic short-lived`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words after which "like" is the verb ("I like it") rather than a preposition ("looks like"). */
export const EN_LIKE_SUBJECTS: ReadonlySet<string> = new Set(
  `i we they you he she really definitely truly also still do did does don't didn't doesn't dont didnt doesnt
   to actually totally absolutely both everyone everybody kids kid wife husband daughter son dog cat who all
   would i'd we'd you'll i'll`
    .split(/\s+/)
    .filter(Boolean),
);

/** Modal and wish frames that make the opinion after them unreal ("would have been great if…"). */
export const EN_IRREALIS: readonly string[] = ['would have', 'could have', 'should have', 'would be', 'could be', 'wish', 'wished', 'if only', 'hoped', 'expected', 'expect', 'supposed to', 'need', 'needs', 'needed', 'assumed'];

/** Words that end a negator's reach: a new clause or relative clause starts there. */
export const EN_NEGATION_STOPS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose', 'when', 'where', 'because', 'since', 'if', 'unless', 'until', 'while', 'and', 'or', 'then']);

/** Auxiliaries whose negation, before a neutral verb, reports a failure ("won't connect", "didn't fit"). */
export const EN_NEGATED_AUXILIARIES: ReadonlySet<string> = new Set(
  `don't dont doesn't doesnt didn't didnt won't wont wouldn't wouldnt can't cant cannot couldn't couldnt never`.split(/\s+/),
);

/** Verbs that cancel a problem after them ("fixes the problem", "solved all my issues"): they act as negators. */
export const EN_REMEDY_VERBS: ReadonlySet<string> = new Set(['fix', 'fixes', 'fixed', 'solve', 'solves', 'solved', 'eliminate', 'eliminates', 'eliminated', 'resolve', 'resolves', 'resolved', 'prevents', 'prevented', 'cured', 'cures']);

/** Verbs that, with "again" shortly after, say the writer would come back ("will order from them again"). */
export const EN_AGAIN_VERBS: ReadonlySet<string> = new Set(['buy', 'order', 'purchase', 'shop', 'use', 'come', 'go', 'visit', 'eat', 'stay', 'book', 'fly', 'choose', 'pick', 'get', 'rent', 'hire', 'dine', 'recommend']);

/** Often misspelt opinion words: near misses of these ("dissapointing", "excelent") read as them. */
export const EN_TYPO_TARGETS: readonly string[] = ['disappointing', 'disappointed', 'disappointment', 'recommend', 'recommended', 'excellent', 'definitely', 'comfortable', 'incredible', 'unacceptable', 'terrible', 'horrible', 'awesome', 'beautiful', 'absolutely', 'amazing', 'wonderful', 'perfect', 'perfectly', 'useless', 'worthless', 'fantastic', 'gorgeous', 'delicious', 'pleasant', 'satisfied', 'impressed', 'awful', 'flattering', 'adorable', 'favorite', 'garbage', 'unreliable', 'ridiculous', 'mediocre', 'outstanding', 'defective', 'uncomfortable'];

/** Contractions written one way in the lists above, and the other ways writers type them. */
export const EN_CONTRACTIONS: Record<string, string[]> = {
  "don't": ['dont', 'do not'],
  "doesn't": ['doesnt', 'does not'],
  "didn't": ['didnt', 'did not'],
  "won't": ['wont', 'will not'],
  "wouldn't": ['wouldnt', 'would not'],
  "can't": ['cant', 'cannot', 'can not'],
  "couldn't": ['couldnt', 'could not'],
  "isn't": ['isnt', 'is not'],
  "wasn't": ['wasnt', 'was not'],
  "hasn't": ['hasnt', 'has not'],
  "haven't": ['havent', 'have not'],
  "i'd": ['id', 'i would'],
};
