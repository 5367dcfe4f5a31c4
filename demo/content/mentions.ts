/**
 * Social-style posts for the shop's RSS feed. Most name a brand or product (by name or alias); a few
 * name none, and the crawler is expected to drop those. `late` posts fall in the last four months,
 * where Nordbrew's support complaints pile up.
 */
import type { Lang } from '../catalog-types.js';

/** A hand-written post. */
export interface MentionText {
  /** The post. */
  text: string;
  /** Language (default en). */
  lang?: Lang;
  /** Posted in the last four months. */
  late?: boolean;
}

/** Authors of the posts. */
export const MENTION_AUTHORS = [
  '@beanqueen',
  '@filterfiend',
  '@morning_ritual',
  '@jo_brews',
  '@kettle_and_crumb',
  '@espressoyourself',
  '@latteartfail',
  '@ground_control',
  '@slowpour',
  '@the_daily_grind',
  '@crema_club',
  '@oatmilkonly',
  '@bruno_makes_coffee',
  '@caffeine_curator',
  '@home_barista_hq',
  '@sip_and_tell',
  '@frothfactory',
  '@brewlab_ben',
  '@coffeeandchaos',
  '@studentsips',
  '@cupofnadia',
  '@weekendpourover',
];

/** The posts, in no particular order (dates are assigned when the catalogue is built). */
export const MENTION_TEXTS: MentionText[] = [
  { text: 'Day 3 with the Copperleaf Pour Kettle and my V60 game has never been better. That spout!' },
  { text: "Anyone else's Nordbrew Fjord Kettle beeping like a smoke alarm? How do I turn it off" },
  { text: 'Nordbrew support has ignored my warranty claim for five weeks now. Not impressed. #coffee', late: true },
  { text: 'The Vantio Whisk costs less than two flat whites and does the job. Cheap thrills.' },
  { text: "Copperleaf Solo vs Nordbrew Barista One: which one for a first 'proper' machine? Budget is flexible-ish." },
  { text: "Honestly the Vantio Duo is fine for the price, just don't expect café-level steam." },
  { text: 'Dialled in a washed Ethiopian on the Precision Grinder this morning. Blueberries. Actual blueberries.' },
  { text: 'Got my dad a Cloud Frother for his birthday and now he sends me latte art photos daily 😂' },
  { text: 'Mill Pro is LOUD. My cat left the room. Grind is good though.' },
  { text: 'Switched from Nordbrew to Copperleaf after my second kettle died. Should have done it sooner.', late: true },
  { text: "Nordbrew's delivery is a joke lately. Ordered the Foam Jug 16 days ago, still 'processing'.", late: true },
  { text: 'The Vantio Crank came camping with us, worth every gram in the backpack.' },
  { text: 'Is Copper Leaf worth the premium or are you just paying for the nice box?' },
  { text: 'Tip: descale your gooseneck kettle monthly, whatever make it is. Thank me later.' },
  { text: 'Just pulled the best shot of my life. No idea what I did differently. Coffee is a mystery.' },
  { text: 'Barista One steam wand takes forever, but the shots are solid for the money.' },
  { text: 'Three weeks waiting for Nordbrew to send a replacement drip tray. Three. Weeks.', late: true },
  { text: 'The Vantio Duo got me into espresso on a student budget. Upgrading soon but grateful.' },
  { text: 'Copperleaf customer service replaced my frother in two days. Rare to see that these days.' },
  { text: "Hot take: most people don't need a €500 espresso machine. Get a good grinder first." },
  { text: "Our café uses a Copperleaf Precision Grinder for decaf and it hasn't missed a beat." },
  { text: "Nordbrew Home used to be my go-to. After this year's support mess, not any more.", late: true },
  { text: 'Vantio Kitchen stuff is cheap, but my Whisk died after a month. You get what you pay for.' },
  { text: 'Gave my sister the Fjord kettle for Christmas and she makes her tea at exactly 80°C now. Nerd.' },
  { text: "Pour Kettle + Precision Grinder = the best morning routine I've had in years." },
  { text: 'Anyone know if the Cloud Frother does cold foam with oat milk? Thinking of buying.' },
  { text: 'Nordbrew Mill Pro retention is driving me mad. Two grams stuck every time.' },
  { text: "The kids demand hot chocolate from the Foam Jug every morning now. It's a foam factory in here." },
  { text: 'If you want a cheap grinder, the Vantio Crank beats any blade grinder. Arm workout included.' },
  { text: 'Copperleaf Solo arrived! Unboxing tonight. The portafilter alone weighs a ton.' },
  { text: 'Returning my Barista One. Nordbrew wants me to pay return shipping on a faulty unit??', late: true },
  { text: 'Can we talk about how nice the Copperleaf packaging is? Gift-ready out of the box.' },
  { text: 'Weekend project: teaching my partner to dial in the Vantio Duo. Patience required.' },
  { text: 'Bought the Cloud Frother in store after the demo. Sold on the foam in ten seconds.' },
  { text: 'Coffee snobs will hate this, but the Vantio Whisk makes perfectly nice foam for €19.' },
  { text: 'Nordbrew chat bot sent me in circles for 30 minutes. Never got to a human.', late: true },
  { text: 'The Fjord kettle holding temperature for half an hour is underrated. Second cup still perfect.' },
  { text: 'Comparing Copperleaf and Vantio grinders for a gift. The price gap is huge. Help?' },
  { text: 'Morning ritual: Precision Grinder hum, bloom, pour. Nothing beats it.' },
  { text: "Nordbrew Fjord Kettle lid cracked after four months. Support says 'wear and tear'. Ok then.", late: true },
  { text: "First flat white at home on the Copperleaf Solo and I'm emotional." },
  { text: 'Vantio Duo drip tray overflow count this week: 3. My floor is a latte now.' },
  { text: 'Why does every gooseneck kettle cost €80 or more? Asking for a broke student.' },
  { text: 'Nordbrew Barista One or Vantio Duo for a small flat? Thoughts?' },
  { text: 'Late-night grinding with the Vantio Crank because the neighbours hate the electric one.' },
  { text: 'Retired and finally have time for pour-over. The Pour Kettle was a leaving present from my colleagues.' },
  { text: 'Mill Pro is half the price of the Copperleaf grinder and honestly 90% as good.' },
  { text: 'Third email to Nordbrew this month. Still nothing. Order NB-20417, is anyone there?', late: true },
  { text: 'Latte art practice, day 12. The hearts look like potatoes, but the Cloud Frother foam is silky.' },
  { text: 'The Foam Jug went in the dishwasher and survived. Nordbrew, you have earned a point.' },
  { text: 'Bought the Vantio Duo for my flatmates as a thank-you. We drink far too much coffee now.' },
  { text: "Espresso tastes sour? Grind finer, then finer again. That's the whole secret." },
  { text: 'Copperleaf Coffee just released a new colour for the Pour Kettle. Gorgeous, but the price…' },
  { text: 'Waited for a sale and got the Barista One 25% off. Worth it at that price.' },
  { text: 'Nothing like the smell of freshly ground beans on a Sunday morning.' },
  { text: 'Der Copperleaf Pour Kettle ist jeden Cent wert. Endlich gelingt mir der Filterkaffee jeden Morgen gleich gut.', lang: 'de' },
  { text: 'Nordbrew Kundenservice: seit drei Wochen keine Antwort auf meine Reklamation. Wirklich enttäuschend.', lang: 'de', late: true },
  { text: 'Купила Vantio Whisk за копейки, пена отличная, для дома более чем достаточно.', lang: 'ru' },
  { text: 'Поддержка Nordbrew молчит уже месяц. Больше у них ничего не закажу.', lang: 'ru', late: true },
  { text: 'Nordbrew support finally called back after six weeks. Replacement on its way. Fingers crossed.', late: true },
  { text: '6am, before the school run: the Fjord kettle is the only reliable thing in this house.' },
  { text: 'Unpopular opinion: the Copperleaf Cloud Frother is overpriced for what it is.' },
];
