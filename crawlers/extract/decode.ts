/**
 * Decoding fetched bytes to text: the charset comes from the Content-Type header, a byte-order
 * mark, `<meta charset>` / `http-equiv`, or the XML declaration; when none is stated the bytes are
 * sniffed (valid UTF-8 first, then Windows-1251, GB18030, Shift_JIS, Windows-1252 by letter
 * statistics). Never throws.
 */
import iconv from 'iconv-lite';

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'x-utf-8': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  // The web treats these labels as Windows-1252 (WHATWG Encoding), a superset.
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ks_c_5601-1987': 'euc-kr',
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
};

function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!l) return undefined;
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : undefined;
}

function fromContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return normalizeCharset(m?.[1]);
}

function fromBom(body: Buffer): { charset: string; skip: number } | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

function fromMarkup(body: Buffer): string | undefined {
  // Declarations are ASCII and sit near the top; latin1 maps bytes one to one.
  const head = body.subarray(0, 4096).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return normalizeCharset(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return normalizeCharset(meta?.[1]);
}

function isValidUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

const RUSSIAN_COMMON = /[оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё]/g;
const CHINESE_COMMON =
  /[的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵尺纷搬颜甘浪绍衡珠赤凭尸冒焦仁恢锋夺骑挂汽烧傅插拒悟浙谷献殊纵夹碍辑妹洗贡喊窃鸡拖侧邦薄鞋烦赤伴邮渡拳斜巧琴沿祝仪泪迁纽炼瞧欣鸟摸衰颇贴吐伍缘钢剪丈挑泰抽抢悬糖舍瓦猫蛋翼弯腾傻旦箱宜勇铺浓汗仿戴砍侍奴洁陷醉氏俗兼湿孤叔忧羊屈慕饮扑窝债冬耶钻淡撒坡缩朗旋仰脏擦吓逼锁峰秦犹]/g;
const HIRAGANA = /[\u3040-\u309f]/g;
const LATIN1_COMMON = /[àâäçéèêëîïôöùûüÿñßáíóúãõåæøœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÑÁÍÓÚ]/g;

function score(text: string, re: RegExp): number {
  const nonAscii = text.replace(/[\x00-\x7f]/g, '');
  if (!nonAscii.length) return 0;
  const bad = (nonAscii.match(/\ufffd/g)?.length ?? 0) / nonAscii.length;
  return (nonAscii.match(re)?.length ?? 0) / nonAscii.length - bad * 2;
}

/** Guesses the charset of bytes that declare none. */
export function sniffCharset(body: Buffer): string {
  if (isValidUtf8(body)) return 'utf-8';
  const sample = body.subarray(0, 65_536);
  let best = 'windows-1252';
  let bestScore = 0;
  for (const [charset, re, threshold] of [
    ['windows-1251', RUSSIAN_COMMON, 0.6],
    ['gb18030', CHINESE_COMMON, 0.3],
    ['shift_jis', HIRAGANA, 0.25],
  ] as const) {
    const text = iconv.decode(sample, charset);
    const s = score(text, re);
    // Accented Latin text read as Windows-1251 yields Cyrillic letters inside Latin words ("Trиs").
    if (charset === 'windows-1251') {
      const cyrillic = text.match(/[а-яё]/gi)?.length ?? 0;
      const mixed = text.match(/[a-z][а-яё]|[а-яё][a-z]/gi)?.length ?? 0;
      if (cyrillic === 0 || mixed / cyrillic > 0.2) continue;
    }
    if (s >= threshold && s > bestScore) {
      bestScore = s;
      best = charset;
    }
  }
  // Western text only sprinkles accented letters among ASCII ones; when they dominate, the bytes
  // are not Windows-1252 even if they decode to plausible accents.
  if (best === 'windows-1252') return best;
  const western = iconv.decode(sample, 'windows-1252');
  const letters = western.match(/\p{L}/gu)?.length ?? 0;
  const accented = western.match(LATIN1_COMMON)?.length ?? 0;
  return letters > 0 && accented / letters < 0.1 && score(western, LATIN1_COMMON) > bestScore ? 'windows-1252' : best;
}

/** Decodes a fetched body to text using the header, BOM, markup declarations or sniffing; never throws. */
export function decodeBody(body: Buffer, contentType?: string): string {
  try {
    const bom = fromBom(body);
    if (bom) return iconv.decode(body.subarray(bom.skip), bom.charset);
    let charset = fromContentType(contentType) ?? fromMarkup(body) ?? sniffCharset(body);
    // A page that says UTF-8 but is not (a Latin-1 or GBK file under a site-wide "utf-8" header or
    // meta tag) would be stored as "Die M\ufffdhle ist gro\ufffdartig": invalid UTF-8 is certain, so the
    // bytes are read as what they look like instead.
    if (charset === 'utf-8' && !isValidUtf8(body)) charset = sniffCharset(body);
    return iconv.decode(body, charset).replace(/^\ufeff/, '');
  } catch {
    return body.toString('utf8');
  }
}
