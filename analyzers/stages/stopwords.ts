/** Stopwords of the languages the phrase and aspect stages read. */

/** Words too common to count as phrases or aspects, per language (normalised as the sentiment stage does). */
export const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    `a an the and or but so if then than that this these those there here it its it's i i'm i've i'd i'll me my mine we we're
     our ours you you're your yours he him his she her hers they they're them their theirs what which who whom whose when where
     why how all any both each few more most other some such no nor not only own same too very s t can will just don don't
     should now is are was were be been being have has had having do does did doing would could might must shall may am
     of at by for with about against between into through during before after above below to from up down in out on off
     over under again further once also as because while until get got gets getting really quite much many lot lots one
     ones thing things even still well way bit little ever every since though although however yet already almost
     around back like just im ive dont doesnt didnt isnt wasnt cant wont us let lets see seem seems seemed make made
     go going went come came take took put say said know think thought want wanted use used using need needed
     day days time times week weeks month months year years first last next new old another else something anything
     everything nothing someone anyone everyone buy bought buying purchase purchased order ordered ordering received
     receive arrived add added try tried trying wear wore wearing look looked looking feel felt feeling work working worked
     keep kept give gave find found two three four five six seven eight nine ten usually always never maybe probably
     definitely actually literally basically though got able let's ok okay yes runs ran run gives found opted styled saw
     makes goes paired washed sent decided hoped expected sized seems felt wanted ordered tried bought sometimes`
      .split(/\s+/)
      .filter(Boolean),
  ),
  de: new Set(
    'der die das und ist nicht ich sehr mit ein eine einen für auf es zu den dem sie wir auch aber noch nur war hat haben wie bei von dass kann mir mich schon immer man am im zum zur sind wird würde alles mein meine dieser diese dieses einem einer sich so da wenn oder als bis nach aus um'.split(
      ' ',
    ),
  ),
  ru: new Set(
    'и в во не что он на я с со как а то целом принципе вообще столь нам вам им всем весь вся всё всю всем всеми мной мною нами вами тобой собой свой своя свое свои своего своей своих наш наша наше наши нашего вашего ваш ваша ваше ваши мое моё мои моего моей всё все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это очень'.split(
      ' ',
    ),
  ),
  fa: new Set(
    'و در به از که این را با است برای آن یک تا هم می ها های شد بود هست کرد کنم کند کنه دارد داره یا اما ولی اگر نیز من ما شما او آنها خود بر پس چون هر همه دیگر باید شده شود میشه خیلی بسیار واقعا ازش تنها هیچ رو یه بدون بگم اون این نه دیگه کمی کم البته چندان باهاش کردن حد اینکه مثل بیشتر کمتر همین همون چیزی چیز حتی فقط هنوز اصلا شاید نمی چند بعد قبل الان حالا یکی خودش اونها اینها نظر حس احساس واسه برام بهش توش روش کلا کلی نسبت مورد طور'.split(
      ' ',
    ),
  ),
  zh: new Set(
    '的 了 是 在 我 有 和 就 不 人 都 一 一个 上 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 那 他 她 它 们 我们 吧 啊 呢 吗 还 又 但 但是 而且 因为 所以 如果 就是 这个 那个 非常 比较 还是'.split(
      ' ',
    ),
  ),
};
