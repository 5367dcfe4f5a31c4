/**
 * Hand-written sentences about the products themselves, by product detail and polarity. They are
 * written in a neutral voice (the product as subject) so they fit any reviewer; `minor` lines are the
 * small gripes of otherwise happy four-star reviews. A leading `!` marks the owner's own voice ("my
 * pour-overs"), which a gift buyer cannot use.
 */

/** Sentences of one product detail group. */
export interface AspectLines {
  /** Praise. */
  pos: string[];
  /** Complaints. */
  neg: string[];
  /** Small gripes. */
  minor: string[];
}

/** Aspect sentences keyed by category or variant (see VARIANTS). */
export const ASPECT_LINES: Record<string, AspectLines> = {
  kettle: {
    pos: [
      'The gooseneck pours in a slow, steady stream, which makes blooming the grounds easy.',
      'It hits the set temperature quickly and holds it without overshooting.',
      'A full kettle boils in roughly three minutes.',
      'The hold function keeps the water hot for half an hour, so a second cup is never a problem.',
      "The handle is well balanced, so the pour stays controlled even when it's full.",
      'The temperature buttons respond instantly and the display is easy to read first thing in the morning.',
      "It's quiet: no rattling, just a soft click when it's ready.",
      'The matte finish still looks new after months of daily use.',
      'Green tea at 80 degrees finally tastes the way it should.',
      'There was no plastic taste at all, even from the very first boil.',
      "The lid seals properly and the base doesn't wobble.",
      'It looks lovely on the counter and visitors keep asking about it.',
      '!Being able to set the exact temperature has made my pour-over noticeably sweeter.',
      'The auto shut-off is reassuring when you get distracted mid-pour.',
    ],
    neg: [
      '!The lid sticks, and with wet hands I have to wrestle it open.',
      '!The temperature readout was off by four or five degrees when I checked it with a thermometer.',
      "After two months the base started flickering and now it won't heat at all.",
      'Limescale builds up fast and the narrow opening makes it a pain to clean.',
      'The handle gets hot near the top, which is not what you want on a kettle.',
      "It beeps loudly at every button press and there's no way to turn that off.",
      'The spout dribbles down the side if you pour slowly, which defeats the whole point of a gooseneck.',
      "It holds less than it looks: two mugs and it's empty.",
      'The keep-warm mode switches itself off after a few minutes.',
      "There's a plastic smell that still hasn't gone after dozens of boils.",
      'The base cable is so short it barely reaches the socket.',
      'It takes ages to boil compared with an ordinary kettle.',
    ],
    minor: [
      'Only gripe: the lid is a little stiff.',
      'My one complaint is the beep, which is louder than it needs to be.',
      "It could hold a bit more water, but that's a small thing.",
      'The cable could be longer.',
      'Fingerprints show on the finish, so it needs a wipe every few days.',
      'I wish the hold mode lasted longer than thirty minutes.',
    ],
  },
  grinder: {
    pos: [
      'The grind is consistent, with very few fines, and you can taste the difference in the cup.',
      'Retention is low; a quick tap and almost nothing is left in the chute.',
      'Going from espresso fine to French press coarse takes seconds, and the settings are repeatable.',
      'The burrs are sharp and the grounds come out fluffy rather than clumpy.',
      '!My pour-overs have been clearer and sweeter since I started using it.',
      'Dialling in espresso is finally possible without fighting the grinder.',
      'Static is minimal, so the counter stays clean.',
      "The adjustment ring has clear markings and doesn't drift.",
      'Everything that touches the beans is metal or ceramic, which I appreciate.',
    ],
    neg: [
      '!The grind is uneven: I get boulders and dust in the same dose.',
      'Retention is bad; several grams stay inside and come out stale the next morning.',
      'Static sends grounds all over the counter.',
      "The adjustment drifts, so yesterday's setting isn't today's.",
      "!It won't grind fine enough for espresso, whatever I do.",
      'One burr arrived misaligned and the grind was all over the place.',
      'The hopper lid cracked within a few weeks.',
      'It jammed twice on a light roast.',
    ],
    minor: [
      "It's a bit messy with static on dry days.",
      'The markings on the dial are hard to read.',
      'A gram or so stays inside, which is fine if you purge it.',
    ],
  },
  'grinder-electric': {
    pos: [
      'The motor is strong and gets through a double dose in a few seconds.',
      "!It's quieter than I expected; nobody in the flat wakes up.",
      '!The timer lets me grind straight into the portafilter, hands free.',
    ],
    neg: [
      "It's incredibly loud, like a blender in a tiled room.",
      'The motor started to smell hot after a few doses in a row.',
      'The timer button stopped responding after a month.',
    ],
    minor: ["It's on the loud side, but it's over quickly."],
  },
  'grinder-hand': {
    pos: [
      'Cranking is smooth and takes under a minute for one cup.',
      "It's small enough to pack for camping trips and weekends away.",
      '!No cable, no noise, and it still beats my old blade grinder by miles.',
      'The handle comes off easily and the whole thing fits in a drawer.',
    ],
    neg: [
      '!Grinding for espresso takes forever and my arm gets sore.',
      'The handle pops off mid-grind, which is infuriating.',
      '!The body is slippery, so I end up holding it with a tea towel.',
    ],
    minor: ['Finer settings take a bit of elbow grease.'],
  },
  espresso: {
    pos: [
      'Shots come out with thick, hazelnut-coloured crema and proper body.',
      'Temperature is stable from shot to shot, so once it is dialled in it stays that way.',
      'It heats up in a few minutes, which matters on weekday mornings.',
      '!The espresso is as good as at my local café, honestly better than some.',
      'The water tank slides out from the front, so refilling is painless.',
      "It's compact enough for a small kitchen without looking cheap.",
      'Cleaning is simple: backflush, wipe the wand, done.',
      '!Latte art never worked on my old machine, and now it is becoming a habit.',
    ],
    neg: [
      '!Shots are sour and thin no matter how I adjust the grind.',
      'The steam wand is weak; it takes forever to heat milk and there is barely any foam.',
      'It started leaking from under the group head after a few weeks.',
      'The drip tray is tiny and overflows if you forget to empty it for a day.',
      'It takes a long time to recover between shots, so two drinks means waiting around.',
      'It stopped pumping water after three months.',
      'The pump rattles and the whole counter vibrates.',
      'The temperature swings so much that two shots in a row taste completely different.',
    ],
    minor: [
      'The drip tray could be bigger.',
      '!It needs a good fifteen minutes to heat properly, so I switch it on before my shower.',
      '!The tamper in the box is flimsy; I bought a better one.',
      'The pump is a bit loud.',
    ],
  },
  'espresso-pro': {
    pos: [
      'The steam wand has real power and makes silky milk for flat whites.',
      'The portafilter is heavy and well made, not the thin stuff you get on cheap machines.',
      '!The pressure gauge helps me work out what I am doing wrong.',
    ],
    neg: ['The steam wand drips water into the milk before it gets going.', 'The gauge needle jumps around, so it tells you very little.'],
    minor: ['The cup warmer on top barely gets warm.'],
  },
  'espresso-budget': {
    pos: [
      'The panarello wand is forgiving, so even a beginner gets foamy milk.',
      'Single and double baskets come in the box, so both work from day one.',
      "It's light enough to slide out of the way when you need the counter.",
    ],
    neg: [
      'Plastic creaks everywhere and the portafilter feels like a toy.',
      'The panarello makes big bubbly foam, never silky microfoam.',
      'The pressurised basket hides bad grinding but caps how good a shot can get.',
    ],
    minor: ['The portafilter is a bit light.'],
  },
  frother: {
    pos: [
      'The foam is thick and velvety, just right for cappuccinos.',
      "It handles oat milk surprisingly well, which most frothers don't.",
      "It's easy to clean: a rinse and a wipe and it's done.",
      'The foam holds its shape long enough to spoon onto a second drink.',
    ],
    neg: ['The foam collapses within a minute.', 'Oat milk barely froths at all.', 'The foam comes out big and bubbly rather than creamy.'],
    minor: ["It's a little noisy.", "!I'd like a larger capacity for making two drinks at once."],
  },
  'frother-jug': {
    pos: [
      'The jug heats the milk evenly without scorching the bottom.',
      'Cold foam for iced lattes is a great bonus in summer.',
      'The whisk comes out easily and the jug goes straight into the dishwasher.',
      'One button, and it switches itself off when the milk is done.',
    ],
    neg: [
      'Milk burns onto the bottom and needs soaking to come off.',
      'The whisk keeps falling off its magnet and getting lost in the sink.',
      'It overflows if you fill it to the line for foam.',
      'It stopped heating after six weeks; now it only spins.',
    ],
    minor: ['The whisk is small and easy to misplace.'],
  },
  'frother-wand': {
    pos: [
      'For a battery wand it whips milk in about twenty seconds.',
      "It's tiny and lives in the cutlery drawer.",
      'A pair of batteries lasts for weeks.',
    ],
    neg: [
      'The motor slows down as soon as the batteries get a bit low.',
      '!The whisk head wobbled loose and flew into my cup.',
      'The stand it comes with is flimsy and tips over.',
    ],
    minor: ['You need a tall mug or it splashes.'],
  },
};
