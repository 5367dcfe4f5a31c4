/** The demo shop's brands and products: one own brand and two competitors, home coffee gear. */
import type { DemoBrand, DemoProduct } from '../catalog-types.js';

/** Brands, own brand first. */
export const BRANDS: DemoBrand[] = [
  { id: 'copperleaf', name: 'Copperleaf', own: true, aliases: ['Copper Leaf', 'Copperleaf Coffee'], tagline: 'Precision brewing tools, built to last.' },
  { id: 'nordbrew', name: 'Nordbrew', own: false, aliases: ['Nord Brew', 'Nordbrew Home'], tagline: 'Scandinavian-style coffee gear for every kitchen.' },
  { id: 'vantio', name: 'Vantio', own: false, aliases: ['Vantio Kitchen'], tagline: 'Good coffee without the price tag.' },
];

// Aliases avoid bare common words ("Solo", "Whisk", "Duo"): mention linking matches them literally.
/** Products, grouped by brand; `format` decides how each page shows its reviews. */
export const PRODUCTS: DemoProduct[] = [
  {
    id: 'copperleaf-pour-kettle', brandId: 'copperleaf', name: 'Copperleaf Pour Kettle', short: 'Pour Kettle',
    aliases: ['Pour Kettle'], category: 'kettle', price: 89, format: 'json-ld',
    description: 'Electric gooseneck kettle with one-degree temperature control, a 30-minute hold mode and a counterweighted handle.',
  },
  {
    id: 'copperleaf-precision-grinder', brandId: 'copperleaf', name: 'Copperleaf Precision Grinder', short: 'Precision Grinder',
    aliases: ['Precision Grinder'], category: 'grinder', price: 229, format: 'json-ld',
    description: '64 mm flat-burr electric grinder with stepless adjustment, a dosing timer and low retention.',
  },
  {
    id: 'copperleaf-solo-espresso', brandId: 'copperleaf', name: 'Copperleaf Solo Espresso', short: 'Solo',
    aliases: ['Copperleaf Solo', 'Solo Espresso'], category: 'espresso', price: 549, format: 'json-ld',
    description: 'Single-boiler espresso machine with PID temperature control, a pressure gauge and a commercial-size 58 mm portafilter.',
  },
  {
    id: 'copperleaf-cloud-frother', brandId: 'copperleaf', name: 'Copperleaf Cloud Frother', short: 'Cloud Frother',
    aliases: ['Cloud Frother'], category: 'frother', price: 79, format: 'json-ld',
    description: 'Induction milk frother for hot and cold foam, with a dishwasher-safe stainless jug.',
  },
  {
    id: 'nordbrew-fjord-kettle', brandId: 'nordbrew', name: 'Nordbrew Fjord Kettle', short: 'Fjord',
    aliases: ['Fjord Kettle', 'Fjord'], category: 'kettle', price: 64, format: 'cards',
    description: 'Variable-temperature gooseneck kettle with five presets and a keep-warm mode.',
  },
  {
    id: 'nordbrew-mill-pro', brandId: 'nordbrew', name: 'Nordbrew Mill Pro', short: 'Mill Pro',
    aliases: ['Mill Pro'], category: 'grinder', price: 149, format: 'cards',
    description: 'Conical-burr electric grinder with 40 click settings from espresso to cold brew.',
  },
  {
    id: 'nordbrew-barista-one', brandId: 'nordbrew', name: 'Nordbrew Barista One', short: 'Barista One',
    aliases: ['Barista One'], category: 'espresso', price: 379, format: 'cards',
    description: 'Thermoblock espresso machine with a steam wand, a pressure gauge and a 1.8 litre tank.',
  },
  {
    id: 'nordbrew-foam-jug', brandId: 'nordbrew', name: 'Nordbrew Foam Jug', short: 'Foam Jug',
    aliases: ['Foam Jug'], category: 'frother', price: 59, format: 'cards',
    description: 'Electric milk frother jug with a magnetic whisk and three foam settings.',
  },
  {
    id: 'vantio-duo-espresso', brandId: 'vantio', name: 'Vantio Duo Espresso', short: 'Duo',
    aliases: ['Vantio Duo', 'Duo Espresso'], category: 'espresso', price: 199, format: 'script',
    description: 'Compact 15-bar espresso machine with a panarello steam wand and two filter baskets.',
  },
  {
    id: 'vantio-whisk-frother', brandId: 'vantio', name: 'Vantio Whisk Frother', short: 'Whisk',
    aliases: ['Vantio Whisk'], category: 'frother', price: 19, format: 'comments',
    description: 'Battery-powered handheld milk frother with a stand.',
  },
  {
    id: 'vantio-crank-grinder', brandId: 'vantio', name: 'Vantio Crank Grinder', short: 'Crank',
    aliases: ['Vantio Crank', 'Crank Grinder'], category: 'grinder', price: 45, format: 'comments',
    description: 'Hand grinder with ceramic conical burrs and a fold-away handle.',
  },
];

/** Details that decide which product-specific lines fit (a hand grinder has no motor). */
export const VARIANTS: Record<string, string[]> = {
  'copperleaf-precision-grinder': ['grinder-electric'],
  'nordbrew-mill-pro': ['grinder-electric'],
  'vantio-crank-grinder': ['grinder-hand'],
  'copperleaf-cloud-frother': ['frother-jug'],
  'copperleaf-solo-espresso': ['espresso-pro'],
  'nordbrew-barista-one': ['espresso-pro'],
  'vantio-duo-espresso': ['espresso-budget'],
  'nordbrew-foam-jug': ['frother-jug'],
  'vantio-whisk-frother': ['frother-wand'],
};

/** The word reviewers use for the thing itself. */
export const CATEGORY_NOUN: Record<DemoProduct['category'], string> = {
  kettle: 'kettle',
  grinder: 'grinder',
  espresso: 'machine',
  frother: 'frother',
};
