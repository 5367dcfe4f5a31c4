/**
 * The built-in aspect taxonomy (English): category → terms. Category ids are the kebab-case names
 * reports label personas with ("price", "ease-of-use", "customer-service"…). Projects add their own
 * categories and terms in radar.yaml (`analysis.aspects`); a term listed there moves to the
 * project's category. Opinion words that name their aspect themselves ("expensive", "noisy") are
 * listed as implicit aspects.
 */

/** Built-in categories and their terms. */
export const BUILT_IN_ASPECTS: Record<string, readonly string[]> = {
  price: ['price', 'prices', 'pricing', 'cost', 'costs', 'value', 'value for money', 'money', 'deal', 'price point', 'price tag'],
  quality: ['quality', 'build quality', 'build', 'construction', 'material', 'materials', 'fabric', 'craftsmanship', 'workmanship', 'finish', 'stitching', 'plastic', 'seams'],
  durability: ['durability', 'lifespan', 'longevity', 'reliability', 'wear and tear'],
  performance: ['performance', 'speed', 'power', 'suction', 'signal', 'reception', 'sound quality', 'sound', 'picture quality', 'image quality', 'camera', 'screen', 'display', 'range', 'connection', 'bluetooth', 'wifi', 'accuracy', 'volume', 'processor', 'grip', 'heat'],
  battery: ['battery', 'battery life', 'charge', 'charging', 'charger'],
  design: ['design', 'look', 'looks', 'style', 'color', 'colour', 'colors', 'colours', 'pattern', 'print', 'appearance', 'shape', 'aesthetic', 'aesthetics'],
  'ease-of-use': ['ease of use', 'setup', 'set up', 'set-up', 'installation', 'instructions', 'manual', 'interface', 'controls', 'buttons', 'app', 'usability', 'assembly'],
  cleaning: ['cleaning', 'clean up', 'cleanup', 'clean-up', 'maintenance', 'washing', 'descaling', 'filter'],
  noise: ['noise', 'noise level', 'hum', 'buzzing', 'rattle'],
  size: ['size', 'sizing', 'length', 'width', 'dimensions', 'weight', 'capacity', 'portion', 'portions'],
  fit: ['fit', 'waist', 'sleeves', 'hem', 'inseam', 'neckline', 'shoulders', 'bust'],
  comfort: ['comfort', 'softness', 'cushioning'],
  delivery: ['delivery', 'shipping', 'shipment', 'arrival', 'courier', 'dispatch', 'postage'],
  'customer-service': ['customer service', 'service', 'support', 'customer support', 'customer care', 'staff', 'seller', 'representative', 'rep', 'agent', 'waiter', 'waitress', 'server', 'manager', 'host', 'employees', 'help desk'],
  returns: ['return', 'returns', 'refund', 'exchange', 'return policy', 'return process'],
  warranty: ['warranty', 'guarantee', 'replacement'],
  packaging: ['packaging', 'package', 'box', 'wrapping', 'packing'],
  taste: ['taste', 'flavor', 'flavour', 'flavors', 'flavours', 'food', 'dishes', 'dish', 'meal', 'meals', 'menu', 'coffee', 'drinks', 'dessert'],
  smell: ['smell', 'scent', 'odor', 'odour', 'fragrance'],
  ambience: ['atmosphere', 'ambiance', 'ambience', 'decor', 'music', 'vibe'],
};

/** Opinion words that carry their own aspect: the word is both the aspect and the opinion. */
export const IMPLICIT_ASPECTS: Record<string, string> = {
  expensive: 'price', cheap: 'price', pricey: 'price', overpriced: 'price', affordable: 'price', inexpensive: 'price',
  bargain: 'price', 'rip-off': 'price', ripoff: 'price',
  flimsy: 'quality', sturdy: 'quality', 'well made': 'quality', 'well-made': 'quality', 'cheaply made': 'quality',
  'poorly made': 'quality', 'high quality': 'quality', 'poor quality': 'quality', 'low quality': 'quality',
  durable: 'durability', 'fell apart': 'durability', 'falls apart': 'durability', 'stopped working': 'durability',
  'broke after': 'durability', 'long lasting': 'durability', 'long-lasting': 'durability',
  noisy: 'noise', quiet: 'noise', loud: 'noise',
  comfortable: 'comfort', uncomfortable: 'comfort', comfy: 'comfort', itchy: 'comfort', scratchy: 'comfort',
  'runs small': 'size', 'runs large': 'size', 'runs big': 'size', 'true to size': 'size', tts: 'size',
  flattering: 'fit', unflattering: 'fit', baggy: 'fit', boxy: 'fit',
  delicious: 'taste', tasty: 'taste', bland: 'taste', yummy: 'taste', flavorful: 'taste', tasteless: 'taste',
  rude: 'customer-service', helpful: 'customer-service', unhelpful: 'customer-service', attentive: 'customer-service',
  'easy to use': 'ease-of-use', intuitive: 'ease-of-use', confusing: 'ease-of-use', 'easy to clean': 'cleaning',
  'arrived late': 'delivery', 'arrived quickly': 'delivery', 'arrived damaged': 'delivery', 'never arrived': 'delivery',
  'returned it': 'returns', 'sent it back': 'returns',
};
