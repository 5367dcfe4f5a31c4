/**
 * Reviews written whole rather than composed: the German and Russian ones (composing foreign-language
 * fragments would not read idiomatically) and the English special cases tests look for — PII,
 * incentivised reviews, switching stories and the archetypal mixed review.
 */
import type { Attitude, Disclosure, Lang } from '../catalog-types.js';

/** A hand-written review, placed on a random date (within `when`, if given). */
export interface FixedReview {
  /** Key of an explicit reviewer (see EXPLICIT_REVIEWERS). */
  reviewer: string;
  /** Product id. */
  product: string;
  /** Star rating. */
  rating: number;
  /** Title. */
  title: string;
  /** Text. */
  body: string;
  /** Language. */
  lang: Lang;
  /** Attitudes the text expresses. */
  attitudes: Attitude[];
  /** Attributes the text discloses. */
  disclosures?: Disclosure[];
  /** Free product in exchange for the review. */
  incentivized?: boolean;
  /** Contains an e-mail address or phone number. */
  pii?: boolean;
  /** Part of the window: the first half, or the last four months. */
  when?: 'early' | 'late';
}

const de = (r: Omit<FixedReview, 'lang'>): FixedReview => ({ ...r, lang: 'de' });
const ru = (r: Omit<FixedReview, 'lang'>): FixedReview => ({ ...r, lang: 'ru' });
const en = (r: Omit<FixedReview, 'lang'>): FixedReview => ({ ...r, lang: 'en' });

/** German reviews. */
const GERMAN: FixedReview[] = [
  de({
    reviewer: 'de-jonas',
    product: 'copperleaf-pour-kettle',
    rating: 5,
    attitudes: ['quality'],
    title: 'Endlich macht Pour-over Spaß',
    body: 'Der Ausgießer ist präzise, die Temperatur lässt sich gradgenau einstellen und wird auch nach zwanzig Minuten noch gehalten. Die Verarbeitung ist erstklassig, nichts wackelt oder klappert. Für mich jeden Cent wert.',
  }),
  de({
    reviewer: 'de-sabine',
    product: 'nordbrew-fjord-kettle',
    rating: 2,
    attitudes: ['support'],
    title: 'Guter Kocher, miserabler Service',
    body: 'Nach sechs Wochen hat die Heizplatte den Geist aufgegeben. Der Kundenservice hat auf zwei E-Mails gar nicht reagiert, und nach meinem Anruf sollte ich den Kaufbeleg noch einmal schicken. Schade, denn der Wasserkocher selbst war eigentlich gut.',
  }),
  de({
    reviewer: 'de-lukas',
    product: 'vantio-crank-grinder',
    rating: 4,
    attitudes: ['value', 'newcomer'],
    disclosures: [{ type: 'role', value: 'student' }],
    title: 'Ordentliche Handmühle fürs Geld',
    body: 'Für 45 Euro bekommt man eine wirklich ordentliche Handmühle. Für Filterkaffee ist der Mahlgrad schön gleichmäßig, für Espresso braucht man allerdings Geduld und kräftige Arme. Als Student kann ich mir nichts Teureres leisten und bin sehr zufrieden.',
  }),
  de({
    reviewer: 'de-katrin',
    product: 'copperleaf-solo-espresso',
    rating: 5,
    attitudes: ['quality'],
    disclosures: [{ type: 'role', value: 'cafe-owner' }],
    title: 'Profi-Niveau für zu Hause',
    body: 'Ich betreibe ein kleines Café und wollte zu Hause eine Maschine, die mich nicht enttäuscht. Die Solo hält die Temperatur stabil, die Crema ist dicht und die Dampflanze hat ordentlich Druck. Teuer, aber das merkt man bei jedem Schluck.',
  }),
  de({
    reviewer: 'de-michael',
    product: 'nordbrew-barista-one',
    rating: 3,
    attitudes: ['value'],
    title: 'Geht so',
    body: 'Der Espresso schmeckt gut, wenn man die Maschine erst einmal eingestellt hat. Aber die Tropfschale ist winzig und läuft ständig über. Für den Preis hätte ich mehr erwartet.',
  }),
  de({
    reviewer: 'de-jonas',
    product: 'vantio-duo-espresso',
    rating: 2,
    attitudes: ['quality'],
    title: 'Viel Plastik, wenig Freude',
    body: 'Auf den Fotos sieht die Maschine deutlich hochwertiger aus als in echt. Überall Plastik, der Siebträger wirkt wie ein Spielzeug, und die Shots sind mal sauer, mal bitter. Für Einsteiger vielleicht in Ordnung, für mich leider nicht.',
  }),
  de({
    reviewer: 'de-thomas',
    product: 'copperleaf-cloud-frother',
    rating: 5,
    attitudes: ['gift'],
    title: 'Tolles Geschenk',
    body: 'Ich habe ihn meiner Mutter zum Geburtstag geschenkt. Sie macht sich jetzt jeden Nachmittag einen Cappuccino und ist begeistert, wie cremig der Schaum wird, sogar mit Hafermilch. Die Verpackung war so schön, dass ich sie gar nicht einpacken musste.',
  }),
  de({
    reviewer: 'de-petra',
    product: 'nordbrew-mill-pro',
    rating: 1,
    attitudes: ['support'],
    when: 'late',
    title: 'Finger weg',
    body: 'Die Mühle kam mit einem verbogenen Mahlwerk an. Die Rücksendung habe ich sofort angemeldet, und seit vier Wochen warte ich auf mein Geld. Bei Nordbrew fühlt sich offenbar niemand zuständig.',
  }),
  de({
    reviewer: 'de-anja',
    product: 'vantio-whisk-frother',
    rating: 4,
    attitudes: ['household', 'value'],
    disclosures: [{ type: 'life-stage', value: 'parent' }],
    title: 'Klein, schnell, praktisch',
    body: 'Als Mutter von zwei Kindern schätze ich alles, was schnell geht. Der Aufschäumer macht in zwanzig Sekunden Schaum für den Kakao der Kinder und liegt sonst einfach in der Schublade. Die Batterien halten erstaunlich lange.',
  }),
  de({
    reviewer: 'de-katrin',
    product: 'copperleaf-precision-grinder',
    rating: 4,
    attitudes: ['quality'],
    title: 'Sehr gleichmäßiges Mahlbild',
    body: 'Das Mahlbild ist sehr gleichmäßig, und in der Mühle bleibt kaum etwas zurück. Einziger Kritikpunkt: Sie ist ziemlich laut. Trotzdem die beste Mühle, die ich bisher hatte.',
  }),
  de({
    reviewer: 'de-michael',
    product: 'nordbrew-foam-jug',
    rating: 3,
    attitudes: ['value', 'household'],
    title: 'Für den Preis okay',
    body: 'Der Schaum ist in Ordnung, aber die Milch brennt am Boden an und das Saubermachen nervt. Für den Preis okay, mehr aber auch nicht.',
  }),
  de({
    reviewer: 'de-lukas',
    product: 'vantio-duo-espresso',
    rating: 4,
    attitudes: ['newcomer', 'value'],
    disclosures: [{ type: 'channel', value: 'in-store' }],
    title: 'Meine erste Siebträgermaschine',
    body: 'Meine erste Siebträgermaschine, im Laden gekauft. Man muss ein bisschen üben, aber nach einer Woche ist mir der erste richtig gute Espresso gelungen. Für unter 200 Euro kann man wirklich nicht meckern.',
  }),
  de({
    reviewer: 'de-thomas',
    product: 'copperleaf-pour-kettle',
    rating: 4,
    attitudes: ['gift'],
    title: 'Geschenk zum Siebzigsten',
    body: 'Ein Geschenk für meinen Vater zum siebzigsten Geburtstag. Er liebt die Temperatureinstellung für seinen grünen Tee und erzählt jedem davon. Der Deckel geht etwas schwer auf, sonst ist der Kocher perfekt.',
  }),
  de({
    reviewer: 'de-sabine',
    product: 'nordbrew-fjord-kettle',
    rating: 1,
    attitudes: ['support'],
    when: 'late',
    title: 'So verliert man Kunden',
    body: 'Die Lieferung kam zwei Wochen zu spät, der Karton war durchnässt und der Kocher hatte eine Delle. Der Kundendienst hat mich dreimal an eine andere Abteilung verwiesen. So verliert man Kunden.',
  }),
  de({
    reviewer: 'de-michael',
    product: 'copperleaf-solo-espresso',
    rating: 3,
    attitudes: ['value'],
    title: 'Gut, aber zu teuer',
    body: 'Eine tolle Maschine, keine Frage, aber 549 Euro sind eine Menge Geld. Die Barista One von Nordbrew macht für deutlich weniger fast genauso guten Espresso.',
  }),
  de({
    reviewer: 'de-jonas',
    product: 'vantio-crank-grinder',
    rating: 5,
    attitudes: ['quality'],
    disclosures: [{ type: 'age', value: '58' }],
    title: 'Mein Begleiter beim Camping',
    body: 'Die Mühle kommt auf jede Campingtour mit. Sie ist robust und leise, und draußen schmeckt der Kaffee sowieso besser als zu Hause. Ich bin 58 und mahle gern von Hand, das gehört für mich zum Ritual.',
  }),
  de({
    reviewer: 'de-petra',
    product: 'nordbrew-barista-one',
    rating: 2,
    attitudes: ['support'],
    when: 'late',
    title: 'Garantie abgelehnt',
    body: 'Nach drei Monaten tropft es unter der Brühgruppe. Die Garantie wurde abgelehnt, angeblich wegen Kalk, obwohl ich regelmäßig entkalkt habe. Sehr enttäuschend.',
  }),
  de({
    reviewer: 'de-anja',
    product: 'copperleaf-cloud-frother',
    rating: 4,
    attitudes: ['household'],
    disclosures: [{ type: 'channel', value: 'online' }],
    title: 'Läuft bei uns täglich',
    body: 'Kakao für die Kinder, Milchschaum für uns: Das Gerät läuft bei uns mehrmals täglich. Online bestellt und schon am nächsten Tag geliefert. Der Quirl fällt allerdings gern mal ins Spülbecken.',
  }),
];

/** Russian reviews. */
const RUSSIAN: FixedReview[] = [
  ru({
    reviewer: 'ru-sergey',
    product: 'copperleaf-solo-espresso',
    rating: 5,
    attitudes: ['quality'],
    title: 'Качество на высоте',
    body: 'Отличная машина: стабильная температура, плотная крема, мощный паровой кран. Собрана на совесть, ничего не люфтит. Дорого, но за такое качество не жалко.',
  }),
  ru({
    reviewer: 'ru-dmitry',
    product: 'nordbrew-barista-one',
    rating: 2,
    attitudes: ['support'],
    when: 'late',
    title: 'Поддержка молчит',
    body: 'Через два месяца машина начала подтекать. В поддержку Nordbrew писал трижды, ответа нет до сих пор. Сама машина неплохая, но с таким сервисом больше не куплю.',
  }),
  ru({
    reviewer: 'ru-alina',
    product: 'vantio-duo-espresso',
    rating: 4,
    attitudes: ['value'],
    title: 'Достойно за свои деньги',
    body: 'За свои деньги очень достойно. Эспрессо получается вкусный, если правильно подобрать помол. Пар слабоват, но на утренний капучино хватает.',
  }),
  ru({
    reviewer: 'ru-alina',
    product: 'vantio-whisk-frother',
    rating: 5,
    attitudes: ['value', 'newcomer'],
    disclosures: [{ type: 'role', value: 'student' }],
    title: 'Находка для общежития',
    body: 'Я студентка, живу в общежитии, и этот вспениватель для меня просто находка. Стоит копейки, пену делает секунд за двадцать и места почти не занимает.',
  }),
  ru({
    reviewer: 'ru-olga',
    product: 'copperleaf-pour-kettle',
    rating: 4,
    attitudes: ['quality'],
    title: 'Удобный носик',
    body: 'Очень удобный носик: вода льётся тонкой ровной струйкой, температуру чайник держит точно. Единственный минус: крышка открывается туговато.',
  }),
  ru({
    reviewer: 'ru-dmitry',
    product: 'nordbrew-mill-pro',
    rating: 3,
    attitudes: ['quality'],
    title: 'Середнячок',
    body: 'Помол равномерный, но мельница очень шумная, а из-за статики кофе разлетается по всему столу. В целом середнячок.',
  }),
  ru({
    reviewer: 'ru-olga',
    product: 'copperleaf-cloud-frother',
    rating: 5,
    attitudes: ['gift'],
    title: 'Мама в восторге',
    body: 'Подарила маме на день рождения. Она в восторге: теперь каждое утро делает себе латте и хвастается подругам. Коробка такая красивая, что упаковывать не пришлось.',
  }),
  ru({
    reviewer: 'ru-dmitry',
    product: 'nordbrew-fjord-kettle',
    rating: 1,
    attitudes: ['support'],
    when: 'late',
    title: 'Больше не закажу',
    body: 'Чайник пришёл с трещиной на корпусе. Возврат оформляли больше месяца, курьер дважды так и не приехал. Больше ничего у этого бренда заказывать не буду.',
  }),
  ru({
    reviewer: 'ru-sergey',
    product: 'copperleaf-precision-grinder',
    rating: 5,
    attitudes: ['quality'],
    disclosures: [{ type: 'role', value: 'cafe-owner' }],
    title: 'Не хуже рабочей',
    body: 'У меня небольшая кофейня, и дома я хотел мельницу не хуже рабочей. Эта справляется: помол точный, внутри почти ничего не остаётся, настройки не сбиваются.',
  }),
  ru({
    reviewer: 'ru-natalia',
    product: 'vantio-crank-grinder',
    rating: 3,
    attitudes: ['value'],
    title: 'Для дачи сойдёт',
    body: 'Для поездок на дачу вполне нормально. Но молоть на эспрессо настоящее мучение: рука устаёт уже через минуту.',
  }),
  ru({
    reviewer: 'ru-natalia',
    product: 'nordbrew-foam-jug',
    rating: 4,
    attitudes: ['household'],
    disclosures: [{ type: 'life-stage', value: 'parent' }],
    title: 'Работает без остановки',
    body: 'Пена густая, молоко не пригорает, мыть легко. У нас трое детей, и по утрам он работает без остановки. Хотелось бы объём побольше.',
  }),
];

/** English reviews tests look for by name. */
const ENGLISH: FixedReview[] = [
  en({
    reviewer: 'en-hanna',
    product: 'copperleaf-pour-kettle',
    rating: 5,
    attitudes: ['quality'],
    pii: true,
    title: 'Tea nerd approved',
    body: "I brew a lot of loose-leaf tea, and the one-degree control on the Pour Kettle has changed everything: white tea at 75, oolong at 90, no guesswork. The pour is slow and precise, and the hold mode keeps the second steep at the right temperature too. If anyone wants the temperature chart I've worked out for different teas, drop me a line at hanna.reed.brews@example.com and I'll send it over.",
  }),
  en({
    reviewer: 'en-gareth',
    product: 'nordbrew-mill-pro',
    rating: 1,
    attitudes: ['support'],
    pii: true,
    when: 'late',
    title: 'Still no answer from Nordbrew',
    body: "The Mill Pro died after five weeks: the motor hums but the burrs don't turn. I've called the Nordbrew helpline four times and been promised a callback every time. If anyone at Nordbrew actually reads these reviews, my number is +44 7700 900431 and the order is NB-88213. Until then, avoid.",
  }),
  en({
    reviewer: 'en-dana',
    product: 'copperleaf-solo-espresso',
    rating: 5,
    attitudes: ['quality'],
    pii: true,
    title: 'Worth the upgrade',
    body: "After ten years with a cheap thermoblock machine, the Solo feels like a different hobby. Temperature is rock steady, the 58 mm portafilter takes proper baskets, and the steam wand stretches milk in seconds. I'm selling my old machine locally; text me on 512-555-0147 if you're in Austin and want a starter setup.",
  }),
  en({
    reviewer: 'en-mia',
    product: 'copperleaf-cloud-frother',
    rating: 4,
    attitudes: ['quality'],
    incentivized: true,
    title: 'Lovely foam, small jug',
    body: "I received the Cloud Frother free from Copperleaf in exchange for an honest review. The foam is genuinely excellent, dense and glossy, and it does cold foam for iced coffee too. The jug only makes enough for one large latte, which is my main criticism. I'd still buy it with my own money.",
  }),
  en({
    reviewer: 'en-kwame',
    product: 'vantio-duo-espresso',
    rating: 4,
    attitudes: ['newcomer', 'value'],
    incentivized: true,
    title: 'Good starter machine',
    body: "Full disclosure: Vantio sent me the Duo for free to review. I'm completely new to espresso and had drinkable shots on day two, which surprised me. The steam wand is basic and sputters a bit, but it makes a decent cappuccino. For a first machine at this price it's a good place to start.",
  }),
  en({
    reviewer: 'en-rosa',
    product: 'copperleaf-precision-grinder',
    rating: 3,
    attitudes: ['quality'],
    incentivized: true,
    title: 'Excellent grind, fussy workflow',
    body: "I got this grinder at no cost through a product-testing programme; my opinions are my own. The grind quality is superb, with very even particles for pour-over. But the dosing cup is awkward, the timer resets if you bump the dial, and it's louder than I'd like at 6am. Good, not yet great.",
  }),
  en({
    reviewer: 'en-ben',
    product: 'nordbrew-mill-pro',
    rating: 2,
    attitudes: ['quality'],
    when: 'early',
    title: 'Burrs out of alignment again',
    body: "This is the second time in a year the burrs have drifted out of alignment. Fresh from a recalibration the grind is decent, but it doesn't stay that way for long. I'm tired of fixing a grinder that cost this much.",
  }),
  en({
    reviewer: 'en-ben',
    product: 'copperleaf-precision-grinder',
    rating: 5,
    attitudes: ['quality'],
    disclosures: [{ type: 'loyalty', value: 'switched' }],
    when: 'late',
    title: 'Buy once, cry once',
    body: "I switched from the Nordbrew Mill Pro after its burrs drifted out of alignment for the second time. The Precision Grinder is in another league: stepless but repeatable adjustment, almost no retention, and my espresso finally tastes the same from one day to the next. It cost more, but I'd rather buy once.",
  }),
  en({
    reviewer: 'en-leo',
    product: 'vantio-duo-espresso',
    rating: 4,
    attitudes: ['value'],
    disclosures: [
      { type: 'role', value: 'student' },
      { type: 'loyalty', value: 'switched' },
    ],
    title: 'Most of the way for a third of the price',
    body: "I had a Copperleaf Solo I couldn't justify on a student budget, so I sold it and bought the Duo plus a bag of really good beans. The shots aren't as sweet and the steam wand is a toy by comparison, but it gets me most of the way there for a third of the price. I'm a student, so that trade-off makes sense for me right now.",
  }),
  en({
    reviewer: 'en-priya',
    product: 'nordbrew-barista-one',
    rating: 2,
    attitudes: ['support'],
    disclosures: [{ type: 'loyalty', value: 'switched' }],
    when: 'late',
    title: 'Sturdier machine, absent support',
    body: "I moved to Nordbrew from Vantio because I wanted something sturdier. The Barista One is sturdier and the shots are better, but when the pump failed it took Nordbrew's support five weeks to even reply. My old Vantio never needed them.",
  }),
  en({
    reviewer: 'en-claire',
    product: 'copperleaf-pour-kettle',
    rating: 5,
    attitudes: ['household'],
    disclosures: [
      { type: 'loyalty', value: 'switched' },
      { type: 'life-stage', value: 'parent' },
    ],
    title: 'Faultless in a busy house',
    body: "We'd had the Nordbrew Fjord for a year before its switch gave up. The Pour Kettle heats faster, the lid doesn't stick, and the beep is mercifully quiet. With three kids and two coffee drinkers in the house it gets used all day, and it has been faultless so far.",
  }),
  en({
    reviewer: 'en-tom',
    product: 'copperleaf-cloud-frother',
    rating: 3,
    attitudes: ['quality'],
    title: 'Love the foam, hate the lid',
    body: "Love the foam, hate the lid. The milk comes out silky and hot in about a minute, easily the best foam I've had outside a café. But the lid pops off if you so much as look at it, and I've had milk on the counter twice. Fix the lid and it's a five.",
  }),
];

/** Every hand-written review. */
export const FIXED_REVIEWS: FixedReview[] = [...GERMAN, ...RUSSIAN, ...ENGLISH];
