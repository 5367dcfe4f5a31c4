/**
 * The key names by which data records are read: what a text, a title, a rating, an author, a date,
 * an id is called in the JSON of the sites crawled, in English and in the languages whose sites name
 * their own fields. Naming patterns only: no site's keys are special-cased.
 */
/** Keys of a record's text, most specific first (English and the languages whose sites name their own fields). */
export const TEXT_KEYS = [
  'reviewtext',
  'reviewbody',
  'review_text',
  'review_body',
  'text',
  'body',
  'comment',
  'commenttext',
  'comment_text',
  'content',
  'message',
  'reviewcontent',
  'review_content',
  'review',
  'opinion',
  'feedback',
  'fulltext',
  'plaintext',
  'snippet',
  'description',
  'pros',
  'selftext',
  'full_text',
  'contents',
  // The same in the languages whose sites name their own fields.
  'texto',
  'contenido',
  'comentario',
  'conteudo',
  'inhalt',
  'kommentar',
  'texte',
  'contenu',
  'commentaire',
  'testo',
  'commento',
  'tekst',
  'bericht',
  'tresc',
  'yorum',
  'metin',
  'текст',
  'отзыв',
  'комментарий',
  'содержание',
  '内容',
  '评论',
  '評論',
  '留言',
  'متن',
  'نظر',
];
/** Keys of the text inside a text object (`{text: {html: …}}`). */
export const NESTED_TEXT_KEYS = ['text', 'body', 'html', 'plain', 'plaintext', 'content', 'value', 'raw', 'markdown', 'full', 'original'];
/** Keys of a title or headline. */
export const TITLE_KEYS = ['title', 'headline', 'reviewtitle', 'review_title', 'subject', 'heading', 'summary'];
/** Keys of a rating value. */
export const RATING_KEYS = [
  'rating',
  'ratingvalue',
  'rating_value',
  'stars',
  'starrating',
  'star_rating',
  'overallrating',
  'overall_rating',
  'overall',
  'reviewrating',
  'userrating',
  'user_rating',
  'ratingscore',
  'rate',
  'score',
  'grade',
  'starcount',
];
/** Keys of the best value of a rating scale. */
export const BEST_KEYS = [
  'bestrating',
  'best_rating',
  'maxrating',
  'max_rating',
  'ratingscale',
  'rating_scale',
  'outof',
  'out_of',
  'scale',
  'best',
  'max',
];
/** Keys of the author (a name or a person object). */
export const AUTHOR_KEYS = [
  'author',
  'user',
  'reviewer',
  'customer',
  'consumer',
  'owner',
  'poster',
  'creator',
  'member',
  'writer',
  'submitter',
  'userinfo',
  'user_info',
  'authorinfo',
  'profile',
  'by',
  'account',
  // The same in the languages whose sites name their own fields.
  'autor',
  'auteur',
  'autore',
  'verfasser',
  'nutzer',
  'benutzer',
  'usuario',
  'utilisateur',
  'utente',
  'gebruiker',
  'uzytkownik',
  'автор',
  'пользователь',
  '作者',
  '用户',
  '用戶',
  'نویسنده',
  'کاربر',
];
/** Keys of the author's name held directly by the record. */
export const AUTHOR_NAME_KEYS = [
  'authorname',
  'author_name',
  'username',
  'user_name',
  'reviewername',
  'reviewer_name',
  'nickname',
  'usernickname',
  'displayname',
  'display_name',
  'screenname',
  'customername',
  'customer_name',
  'membername',
  'postername',
];
/** Keys of a name inside a person object. */
export const NAME_KEYS = [
  'displayname',
  'display_name',
  'name',
  'nickname',
  'username',
  'user_name',
  'markupdisplayname',
  'screenname',
  'screen_name',
  'fullname',
  'full_name',
  'publicname',
  'login',
  'handle',
  'nombre',
  'nom',
  'nome',
  'naam',
  'имя',
  '名字',
  'نام',
];
/** Keys of a location. */
export const LOCATION_KEYS = [
  'displaylocation',
  'location',
  'userlocation',
  'user_location',
  'authorlocation',
  'reviewerlocation',
  'hometown',
  'city',
  'country',
  'countrycode',
  'country_code',
  'region',
  'place',
];
/** Keys of a link inside a person object. */
export const PERSON_URL_KEYS = [
  'profileurl',
  'profile_url',
  'userurl',
  'user_url',
  'url',
  'link',
  'href',
  'profilelink',
  'permalink',
  'htmlurl',
  'html_url',
];
/** Keys of the author's profile link held by the record. */
export const AUTHOR_URL_KEYS = [
  'authorurl',
  'author_url',
  'authorprofile',
  'author_profile',
  'userurl',
  'user_url',
  'profileurl',
  'profile_url',
  'reviewerurl',
  'reviewer_url',
];
/** Keys of the item's own link. */
export const ITEM_URL_KEYS = [
  'permalink',
  'reviewurl',
  'review_url',
  'commenturl',
  'url',
  'link',
  'href',
  'shareurl',
  'share_url',
  'htmlurl',
  'html_url',
];
/** Field names that end like a text field but hold labels ("buttonText", "altText", "authorText"). */
export const NOT_TEXT =
  /(?:alt|button|link|label|cta|placeholder|tooltip|aria|title|hint|badge|display|short|preview|translated|author|user|owner|poster|reviewer|name|time|date|count|vote|like|icon)_?(?:text|content|body)$/i;
/** Keys of the item's id. */
export const ID_KEYS = [
  'reviewid',
  'review_id',
  'commentid',
  'comment_id',
  'id_str',
  'idstr',
  'id',
  'uuid',
  '_id',
  'guid',
  'encryptedreviewid',
  'key',
];
/** Keys of a language. */
export const LANG_KEYS = ['language', 'lang', 'inlanguage', 'languagecode', 'language_code', 'locale'];
/** Keys of the reviewed thing (product, business, book…). */
export const ITEM_KEYS = [
  'business',
  'product',
  'item',
  'itemreviewed',
  'listing',
  'place',
  'hotel',
  'restaurant',
  'app',
  'productinfo',
  'subject',
  'book',
  'movie',
  'film',
  'game',
  'course',
  'recipe',
  'venue',
  'property',
];
/** Keys only products and listings have: a record holding one is not a review. */
export const PRODUCT_KEYS =
  /^(?:price|prices|sku|offers?|availability|brand|gtin\d*|mpn|reviewcount|ratingcount|aggregaterating|instock|currency|pricecurrency|listprice|saleprice|numberofreviews|reviews_count|review_count|ratings_count)$/;
/** Date keys that are not when the item was written. */
export const DATE_EXCLUDE =
  /visit|experience|birth|expir|valid|upload|start|end|until|deadline|since|joined|last(?:login|seen|active)|updated|modified|edited/;
/** Date keys that say when the item was written. */
export const DATE_PRIMARY = /publish|creat|submit|post|written|date$|^date|time$|^time|timestamp|^at$|_at$/;
