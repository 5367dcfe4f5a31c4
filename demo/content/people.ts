/**
 * Who writes the demo reviews: hand-picked reviewers for the hand-written reviews, and the pools the
 * other English-writing reviewers are drawn from. All names are invented.
 */
import type { Attitude, DemoLocation, Lang } from '../catalog-types.js';

/** A reviewer defined by hand. */
export interface ExplicitReviewer {
  /** Key used by fixed reviews; also the reviewer id. */
  key: string;
  /** Display name. */
  name: string;
  /** Location. */
  location: DemoLocation;
  /** Language. */
  lang: Lang;
  /** Attitudes, strongest first. */
  attitudes: Attitude[];
  /** How many composed (English) reviews they write besides their fixed ones. */
  extra: number;
  /** Role they may disclose in composed reviews (see ROLE_LINES). */
  role?: string;
  /** Age they may disclose in composed reviews. */
  age?: number;
}

const loc = (city: string, country: string): DemoLocation => ({ city, country });

/** Reviewers of the hand-written reviews. */
export const EXPLICIT_REVIEWERS: ExplicitReviewer[] = [
  { key: 'de-jonas', name: 'Jonas Weber', location: loc('Hamburg', 'Germany'), lang: 'de', attitudes: ['quality'], extra: 0 },
  { key: 'de-sabine', name: 'Sabine K.', location: loc('Cologne', 'Germany'), lang: 'de', attitudes: ['support'], extra: 0 },
  { key: 'de-lukas', name: 'Lukas M.', location: loc('Leipzig', 'Germany'), lang: 'de', attitudes: ['value', 'newcomer'], extra: 0 },
  { key: 'de-katrin', name: 'Katrin Hoffmann', location: loc('Vienna', 'Austria'), lang: 'de', attitudes: ['quality'], extra: 0 },
  { key: 'de-anja', name: 'Anja B.', location: loc('Munich', 'Germany'), lang: 'de', attitudes: ['household'], extra: 0 },
  { key: 'de-thomas', name: 'Thomas Richter', location: loc('Zurich', 'Switzerland'), lang: 'de', attitudes: ['gift'], extra: 0 },
  { key: 'de-petra', name: 'Petra L.', location: loc('Dresden', 'Germany'), lang: 'de', attitudes: ['support'], extra: 0 },
  { key: 'de-michael', name: 'Michael S.', location: loc('Stuttgart', 'Germany'), lang: 'de', attitudes: ['value'], extra: 0 },
  { key: 'ru-olga', name: 'Ольга С.', location: loc('Saint Petersburg', 'Russia'), lang: 'ru', attitudes: ['quality', 'gift'], extra: 0 },
  { key: 'ru-dmitry', name: 'Дмитрий Волков', location: loc('Moscow', 'Russia'), lang: 'ru', attitudes: ['support'], extra: 0 },
  { key: 'ru-alina', name: 'Алина К.', location: loc('Kazan', 'Russia'), lang: 'ru', attitudes: ['value', 'newcomer'], extra: 0 },
  { key: 'ru-sergey', name: 'Сергей П.', location: loc('Almaty', 'Kazakhstan'), lang: 'ru', attitudes: ['quality'], extra: 0 },
  { key: 'ru-natalia', name: 'Наталья И.', location: loc('Riga', 'Latvia'), lang: 'ru', attitudes: ['household', 'value'], extra: 0 },
  { key: 'en-hanna', name: 'Hanna Reed', location: loc('Bristol', 'United Kingdom'), lang: 'en', attitudes: ['quality'], extra: 2 },
  { key: 'en-gareth', name: 'Gareth Lloyd', location: loc('Cardiff', 'United Kingdom'), lang: 'en', attitudes: ['support', 'value'], extra: 1 },
  { key: 'en-dana', name: 'Dana Whitfield', location: loc('Austin', 'United States'), lang: 'en', attitudes: ['quality'], extra: 1, age: 46 },
  { key: 'en-mia', name: 'Mia Lindqvist', location: loc('Malmö', 'Sweden'), lang: 'en', attitudes: ['quality', 'gift'], extra: 2 },
  { key: 'en-kwame', name: 'Kwame Mensah', location: loc('London', 'United Kingdom'), lang: 'en', attitudes: ['newcomer', 'value'], extra: 1, age: 24 },
  { key: 'en-rosa', name: 'Rosa Delgado', location: loc('Toronto', 'Canada'), lang: 'en', attitudes: ['quality'], extra: 1, role: 'remote-worker' },
  { key: 'en-ben', name: 'Ben Carver', location: loc('Leeds', 'United Kingdom'), lang: 'en', attitudes: ['quality'], extra: 1, role: 'cafe-owner' },
  { key: 'en-leo', name: 'Leo Park', location: loc('Melbourne', 'Australia'), lang: 'en', attitudes: ['value', 'newcomer'], extra: 1, role: 'student' },
  { key: 'en-priya', name: 'Priya Nair', location: loc('Manchester', 'United Kingdom'), lang: 'en', attitudes: ['support', 'quality'], extra: 2 },
  { key: 'en-claire', name: 'Claire Hughes', location: loc('Dublin', 'Ireland'), lang: 'en', attitudes: ['household'], extra: 2, role: 'mum' },
  { key: 'en-tom', name: 'Tom Albright', location: loc('Portland', 'United States'), lang: 'en', attitudes: ['quality', 'value'], extra: 1 },
];

/** First names of composed reviewers. */
export const FIRST_NAMES = [
  'Aaron', 'Abby', 'Adam', 'Aisha', 'Alex', 'Alice', 'Amir', 'Amy', 'Andrew', 'Anna', 'Becky', 'Bella', 'Callum', 'Carla', 'Chloe', 'Chris',
  'Dan', 'Daniel', 'Dee', 'Eleanor', 'Eli', 'Emma', 'Erin', 'Ethan', 'Fatima', 'Finn', 'Fiona', 'Gemma', 'George', 'Grace', 'Hamish', 'Harriet',
  'Isaac', 'Isla', 'Jack', 'Jade', 'James', 'Jen', 'Jess', 'Joe', 'Josh', 'Julia', 'Kate', 'Keith', 'Kelly', 'Kieran', 'Laura', 'Liam',
  'Lily', 'Lucy', 'Maddie', 'Marcus', 'Maria', 'Mark', 'Matt', 'Megan', 'Mike', 'Nadia', 'Nathan', 'Neil', 'Nia', 'Noah', 'Olivia', 'Omar',
  'Owen', 'Paul', 'Pete', 'Rachel', 'Raj', 'Rebecca', 'Rhys', 'Rob', 'Ruth', 'Sam', 'Sana', 'Sarah', 'Scott', 'Sean', 'Shona', 'Simon',
  'Sophie', 'Steph', 'Steve', 'Tara', 'Theo', 'Tim', 'Tomasz', 'Vicky', 'Will', 'Yusuf', 'Zara', 'Zoe',
];

/** Surnames of composed reviewers. */
export const LAST_NAMES = [
  'Abbott', 'Ahmed', 'Bailey', 'Barnes', 'Bell', 'Brennan', 'Brooks', 'Campbell', 'Chen', 'Clarke', 'Coleman', 'Cooper', 'Davies', 'Doyle',
  'Ellis', 'Evans', 'Fletcher', 'Foster', 'Gallagher', 'Grant', 'Gray', 'Hall', 'Harper', 'Hayes', 'Holt', 'Hughes', 'Jensen', 'Kaur',
  'Kennedy', 'Khan', 'Lawson', 'Lee', 'Lewis', 'Lowe', 'MacLeod', 'Marsh', 'Mason', 'Murphy', 'Nolan', 'Novak', 'Okafor', 'Owens',
  'Patel', 'Pearson', 'Price', 'Quinn', 'Reid', 'Reyes', 'Roberts', 'Ross', 'Shaw', 'Singh', 'Stone', 'Sullivan', 'Taylor', 'Turner',
  'Walsh', 'Ward', 'Watson', 'Webb', 'Wells', 'Wood', 'Wright', 'Young',
];

/** Screen names some reviewers use instead of their name. */
export const HANDLES = [
  'beanqueen', 'pourover_pete', 'crema_chaser', 'morninggrind', 'latte_larry', 'doubleshotdee', 'flatwhitefan', 'v60_vic', 'brewbuddy',
  'sleepy_sarah', 'roast_ranger', 'cuppa_kate', 'steamwand_steve', 'coffeedad88', 'aeropress_amy', 'caffeinated_cal', 'grounds_for_joy',
  'mocha_mo', 'the_bloom', 'dialled_in', 'two_sugars', 'bean_counter', 'kettle_kid', 'slowdrip', 'frothy_phil', 'cortado_carla',
  'decaf_dan', 'nightowl_nia', 'weekend_barista', 'homebrew_hal',
];

/** Places composed reviewers live, weighted by repetition. */
export const LOCATIONS: DemoLocation[] = [
  loc('London', 'United Kingdom'), loc('London', 'United Kingdom'), loc('Manchester', 'United Kingdom'), loc('Leeds', 'United Kingdom'),
  loc('Glasgow', 'United Kingdom'), loc('Edinburgh', 'United Kingdom'), loc('Bristol', 'United Kingdom'), loc('Brighton', 'United Kingdom'),
  loc('Norwich', 'United Kingdom'), loc('York', 'United Kingdom'), loc('Belfast', 'United Kingdom'), loc('Cardiff', 'United Kingdom'),
  loc('Dublin', 'Ireland'), loc('Cork', 'Ireland'), loc('Galway', 'Ireland'),
  loc('Portland', 'United States'), loc('Chicago', 'United States'), loc('Denver', 'United States'), loc('Boston', 'United States'),
  loc('Seattle', 'United States'), loc('Austin', 'United States'), loc('Minneapolis', 'United States'),
  loc('Toronto', 'Canada'), loc('Vancouver', 'Canada'), loc('Halifax', 'Canada'),
  loc('Melbourne', 'Australia'), loc('Brisbane', 'Australia'), loc('Wellington', 'New Zealand'),
  loc('Amsterdam', 'Netherlands'), loc('Utrecht', 'Netherlands'), loc('Copenhagen', 'Denmark'), loc('Stockholm', 'Sweden'),
];
