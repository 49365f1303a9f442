/**
 * People's names: a name column (maskName), the names a caller knows (the
 * sender's own, wherever it appears), and names in text after the cues people
 * write them with: 我叫…, 本人…, 联系人…, 患者…, 家属… before a name, …先生,
 * …女士, …老师, …同志 after it. A name in text is a common surname followed by
 * one or two characters that can be part of a given name, where the name ends
 * (punctuation, a function word such as 的 or 在, a cue). The rule cannot find a
 * name written without a cue, with a rare surname, or longer than three
 * characters (four with a compound surname); docs/deidentification.md says so.
 */
import { Marks, STAR } from './marks.js';

/** Two-character surnames (复姓) that stay whole: 欧阳娜娜 → 欧阳**. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '闻人',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '呼延',
  '万俟',
  '赫连',
];

/**
 * Common single-character surnames (about 390; together they cover almost
 * everyone). Surnames that are also everyday words in front of 医生, 同志 and
 * the like are left out (和, 时, 来, 都, 向, 由, 那, 以, 信; 全科医生, 门诊医生,
 * 相关同志, 申请人信息), so those are no names.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋初云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利呼居揭干冶斯元束檀衣展阴昝智幸奉植衡富尧闭拓杞操厍靖琚綦';

/** What may follow a name: function words, kinship and role words, the start of a cue, 、. */
const FOLLOWS_NAME =
  '的了在是于和与及对向从到把被为说称讲今昨岁已曾也都就又还因等个这那其我你他她们您请让给叫男女性反映电话手机号码身份证住院病患者家属联系先老师医护同事父母亲丈夫妻孩邻居不没很要想能会将经并且但而或去到、';
/** What is never part of a given name besides those words (but 家, as in 张家明): place units (村民平罗县… is no name), 人. */
const NOT_GIVEN = '省市县区镇乡村街路人';

/** Words that start with a surname but are no name: 居民满意度, 举报人安全, 当事人陈述. */
const NOT_NAMES =
  ' 满意 安全 安置 安排 康复 单位 权利 权益 申请 申辩 申报 陈述 管理 费用 利益 范围 文化 方面 方式 方法 华侨 高龄 高血 金额 余额 常住 平均 平时 宁夏 程序 程度 曾经 严重 任何 任务 马上 于是 关于 关系 关心 关注 许可 许多 成员 明白 明显 包括 支持 支付 应当 应该 ';

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

/**
 * A person's name with all but the surname masked: 张三 → 张*, 欧阳娜娜 → 欧阳**,
 * John Smith → J*** *****. What does not look like a person's name (平罗县康宁药店,
 * a company) is a business, whose name a penalty notice publishes, and stays.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return trimmed;
  // Han characters, the rarer ones outside the BMP too (𠮷).
  if (
    /^[\u3400-\u9fff\u{20000}-\u{3134f}]{2,4}$/u.test(trimmed) ||
    /^[\u3400-\u9fff\u{20000}-\u{3134f}]+·[\u3400-\u9fff\u{20000}-\u{3134f}·]+$/u.test(trimmed)
  ) {
    const chars = [...trimmed];
    const keep = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
    return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
  }
  if (/[\u3400-\u9fff\u{20000}-\u{3134f}]/u.test(trimmed) || !/^[A-Za-z.'-]+(?: [A-Za-z.'-]+){1,3}$/.test(trimmed))
    return trimmed;
  // Other scripts: the first letter of the first word stays.
  return trimmed.replace(/\S+/g, (word, offset: number) =>
    offset === 0 ? word[0] + '*'.repeat(Math.max(1, word.length - 1)) : '*'.repeat(word.length),
  );
}

/** Cues before a name: 我叫张三, 联系人：李四, 患者王五, 医生李国强. */
const BEFORE_NAME =
  /(?:我叫|本人(?:叫|是)?|名叫|叫做|姓名|联系人|申请人|来信人|投诉人|举报人|反映人|当事人|委托人|代理人|监护人|患者|病人|家属|伤者|死者|村民|居民|业主|学生|职工|员工|儿子|女儿|父亲|母亲|丈夫|妻子|爱人|老伴|孩子|邻居|医生|大夫|护士|老师|师傅|老板|店主|司机)[:：]? ?(?:为|是|叫)?/g;
/** Cues after a name: 张三先生, 王丽萍女士. */
const AFTER_NAME = /先生|女士|小姐|老师|同志|师傅|医生|大夫|护士|阿姨|大爷|大妈|大娘|老人/g;
const AFTER_NAME_AT = /^(?:先生|女士|小姐|老师|同志|师傅|医生|大夫|护士|阿姨|大爷|大妈|大娘|老人)/;

/** First characters of the compound surnames, to look one up only when it may be there. */
const COMPOUND_FIRSTS = '欧司上诸东皇尉公慕长宇夏轩令钟闻端南西独澹太申呼万赫';

/** The length of the surname starting at `at` (2 for a compound surname), or 0. */
function surnameAt(text: string, at: number): number {
  if (at < 0 || at >= text.length) return 0;
  const char = text[at]!;
  if (COMPOUND_FIRSTS.includes(char) && COMPOUND_SURNAMES.includes(text.slice(at, at + 2))) return 2;
  return SURNAMES.includes(char) ? 1 : 0;
}

const isNotName = (text: string, start: number) => NOT_NAMES.includes(` ${text.slice(start, start + 2)} `);

const isGiven = (text: string, at: number) => {
  const char = text[at];
  return (
    !!char && isHan(char.charCodeAt(0)) && (char === '家' || !FOLLOWS_NAME.includes(char)) && !NOT_GIVEN.includes(char)
  );
};
/** Where a name may end: the end, anything not Han, a function word, a cue after a name. */
const endsName = (text: string, at: number) =>
  at >= text.length ||
  !isHan(text.charCodeAt(at)) ||
  FOLLOWS_NAME.includes(text[at]!) ||
  AFTER_NAME_AT.test(text.slice(at, at + 2));
const startsName = (text: string, at: number) =>
  at <= 0 || !isHan(text.charCodeAt(at - 1)) || FOLLOWS_NAME.includes(text[at - 1]!);

/** The name that starts at `at` after a cue, as [start, surname end, end], or undefined. */
function nameAfterCue(text: string, at: number): [number, number, number] | undefined {
  const surname = surnameAt(text, at);
  if (!surname) return undefined;
  const given = at + surname;
  const end =
    isGiven(text, given) && isGiven(text, given + 1) && endsName(text, given + 2)
      ? given + 2
      : isGiven(text, given) && endsName(text, given + 1)
        ? given + 1
        : -1;
  return end > 0 && !isNotName(text, at) ? [at, given, end] : undefined;
}

/** The start of the name whose given name is [given, end), or -1: a compound or single surname just before it. */
function surnameBefore(text: string, given: number, end: number): number {
  if (!isGiven(text, given) || (end - given === 2 && !isGiven(text, given + 1))) return -1;
  const start = surnameAt(text, given - 2) === 2 ? given - 2 : surnameAt(text, given - 1) === 1 ? given - 1 : -1;
  return start >= 0 && !isNotName(text, start) ? start : -1;
}

/** The name that ends at `end` before a cue (…先生): the longer reading when it starts a word or the shorter one fails. */
function nameBeforeCue(text: string, end: number): [number, number, number] | undefined {
  const longer = surnameBefore(text, end - 2, end);
  const shorter = surnameBefore(text, end - 1, end);
  if (longer >= 0 && (shorter < 0 || startsName(text, longer))) return [longer, end - 2, end];
  if (shorter >= 0) return [shorter, end - 1, end];
  return undefined;
}

/** Masks the given names of people named after or before a cue. */
export function maskCuedNames(text: string, marks: Marks): void {
  BEFORE_NAME.lastIndex = 0;
  for (let match: RegExpExecArray | null; (match = BEFORE_NAME.exec(text));) {
    const name = nameAfterCue(text, match.index + match[0].length);
    if (name) marks.set(name[1], name[2], STAR);
  }
  AFTER_NAME.lastIndex = 0;
  for (let match: RegExpExecArray | null; (match = AFTER_NAME.exec(text));) {
    const name = nameBeforeCue(text, match.index);
    if (name) marks.set(name[1], name[2], STAR);
  }
}

/** Masks every occurrence of names known to be personal (the sender's own), the way maskName masks them. */
export function maskKnownNames(text: string, marks: Marks, names: readonly string[]): void {
  for (const raw of names) {
    const name = raw.trim();
    const chars = [...name];
    if (chars.length < 2) continue;
    const masked = [...maskName(name)];
    if (masked.length !== chars.length) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      let offset = at;
      chars.forEach((char, i) => {
        if (masked[i] === '*' && char !== '*') marks.set(offset, offset + char.length, STAR);
        offset += char.length;
      });
    }
  }
}
