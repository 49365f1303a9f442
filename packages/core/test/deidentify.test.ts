import { expect } from '@open-wc/testing';
import {
  cutAddress,
  deidentify,
  isCreditCode,
  isOldResidentId,
  isResidentId,
  maskName,
  maskPhone,
  maskResidentId,
  maskText,
  type MaskOptions,
} from '../src/deidentify.js';

/** [text as people write it, what maskText makes of it]; each row is checked exactly. */
type Case = [string, string];

/** Each class of personal data the issue names, written the way people type it into a 领导信箱. */
const CLASSES: Record<string, Case[]> = {
  'phone numbers with separators, a +86 or 86 prefix, brackets around the area code, extensions': [
    ['电话139 1234 5678', '电话139 **** 5678'],
    ['手机：139-1234-5678。', '手机：139-****-5678。'],
    ['请拨+86 139 1234 5678', '请拨+86 139 **** 5678'],
    ['+8613912345678', '+86139****5678'],
    ['86-13912345678', '86-139****5678'],
    ['(+86)13912345678', '(+86)139****5678'],
    ['0086 139 1234 5678', '0086 139 **** 5678'],
    ['座机（0952）6012345', '座机（0952）****345'],
    ['(0952) 601 2345', '(0952) *** *345'],
    ['0952-6012345转801', '0952-****345转801'],
    ['0952-6012345-801', '0952-****345-801'],
    ['北京010-62345678', '北京010-*****678'],
    ['联系电话：6012345', '联系电话：****345'],
    ['电话 139—1234—5678', '电话 139—****—5678'],
    ['13912345678,13812345678', '139****5678,138****5678'],
    ['手机号 139 1234 5678 或 0952 6012345', '手机号 139 **** 5678 或 0952 ****345'],
  ],
  'full-width digits, as Chinese input methods type them': [
    ['１３９１２３４５６７８', '１３９****５６７８'],
    ['电话：１３９　１２３４　５６７８', '电话：１３９　****　５６７８'],
    ['（０９５２）６０１２３４５', '（０９５２）****３４５'],
    ['＋８６　１３９１２３４５６７８', '＋８６　１３９****５６７８'],
    ['０９５２－６０１２３４５', '０９５２－****３４５'],
    ['139１２３４5678', '139****5678'],
    ['电话：６０１２３４５', '电话：****３４５'],
    ['身份证号６４０２２１１９９００１０１１２３１', '身份证号６４０２２１********１２３１'],
    ['１１０１０５１９４９１２３１００２Ｘ', '１１０１０５********００２Ｘ'],
    ['ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ', 'ｚ*******＠１６３．ｃｏｍ'],
    ['平罗县城关镇南大街１２号３单元５０１室', '平罗县…'],
    ['２０１８年４月２０日来电１３９１２３４５６７８', '２０１８年４月２０日来电１３９****５６７８'],
  ],
  'resident ID numbers: in groups, old 15 digits, lower-case x, mistyped after a cue': [
    ['640221199001011231', '640221********1231'],
    ['身份证号：640221 19900101 1231', '身份证号：640221 ******** 1231'],
    ['6402 2119 9001 0112 31', '6402 21** **** **12 31'],
    ['身份证号640221-19900101-1231', '身份证号640221-********-1231'],
    ['11010519491231002x', '110105********002x'],
    ['（11010519491231002X）', '（110105********002X）'],
    ['640221900101123', '640221******123'],
    ['原身份证号码 640221 900101 123', '原身份证号码 640221 ****** 123'],
    ['64038119750615402X。', '640381********402X。'],
    ['身份证号640221199001011232（校验码错）', '身份证号640221********1232（校验码错）'],
    ['126402198001010002', '126402********0002'],
    ['370202195511110878和510107198903033126', '370202********0878和510107********3126'],
  ],
  'e-mail addresses': [
    ['zhangsan@163.com', 'z*******@163.com'],
    ['邮箱：Li.Ming_88@qq.com。', '邮箱：L*********@qq.com。'],
    ['123456789@qq.com', '1********@qq.com'],
    ['wang-li+gk@mail.pingluo.gov.cn', 'w*********@mail.pingluo.gov.cn'],
    ['ab@b.cn', 'a*@b.cn'],
    ['请发到 zhang.san@example.com, 谢谢', '请发到 z********@example.com, 谢谢'],
    ['邮箱zhangsan＠163．com', '邮箱z*******＠163．com'],
    ['<lisi@126.com>', '<l***@126.com>'],
    ['Email:WangWu@Gmail.COM', 'Email:W*****@Gmail.COM'],
    ['两个：a1@x.cn；b22@y.cn', '两个：a*@x.cn；b**@y.cn'],
    ['@张三 你好', '@张三 你好'],
    ['user@localhost', 'user@localhost'],
  ],
  'addresses inside running text, cut to the county (or the city, or the town)': [
    ['我住平罗县城关镇南大街12号3单元501室，楼下噪音大。', '我住平罗县…，楼下噪音大。'],
    ['家住姚伏镇姚伏村三队', '家住姚伏镇…'],
    ['住址：宁夏石嘴山市平罗县黄渠桥镇通润村五组', '住址：宁夏石嘴山市平罗县…'],
    ['反映丽景小区5号楼2单元302的问题', '反映…的问题'],
    ['我在城关镇解放西路108号开了一家店', '我在城关镇…开了一家店'],
    ['石嘴山市大武口区青山街道康乐社区3号院', '石嘴山市大武口区…'],
    ['平罗县宝丰镇东方村二社的村民', '平罗县…的村民'],
    ['住在北京市西城区西长安街1号', '住在北京市西城区…'],
    ['家住城关镇和平路12-3号', '家住城关镇…'],
    ['来自黄渠桥镇通润村五组的村民', '来自黄渠桥镇…的村民'],
    ['我家在向阳村3组', '我家在…'],
    ['银川市兴庆区丽景小区5号楼', '银川市兴庆区…'],
  ],
  'names after and before cues': [
    ['我叫张三，', '我叫张*，'],
    ['我叫王丽萍。', '我叫王**。'],
    ['本人李建国，身体不好', '本人李**，身体不好'],
    ['联系人：欧阳娜娜', '联系人：欧阳**'],
    ['患者王丽萍今年65岁', '患者王**今年65岁'],
    ['家属刘伟反映', '家属刘*反映'],
    ['张三丰先生来电', '张**先生来电'],
    ['王丽萍女士您好', '王**女士您好'],
    ['感谢张华老师', '感谢张*老师'],
    ['请李秀英同志', '请李**同志'],
    ['马文忠医生态度不好', '马**医生态度不好'],
    ['患者家属赵海燕称', '患者家属赵**称'],
    ['申请人：周杰，女', '申请人：周*，女'],
    ['王先生来电', '王先生来电'],
  ],
};

/** Public figures and codes that must come out exactly as they went in. */
const FALSE_ALARMS: string[] = [
  '拨付资金1,234,567.89元',
  '总投资12,000万元',
  '金额13,912,345,678元',
  '2018年4月20日',
  '2018-04-20',
  '20180420',
  '2016年至2018年，2017-2018年度',
  '平卫计发〔2018〕45号',
  '国发〔2018〕3号文件第2号',
  '根据《条例》第十四条和第14条',
  '统一社会信用代码：91640221MA75XXXX17',
  '统一社会信用代码126402214550001231',
  '统一社会信用代码：126402198001010002',
  '发票号码：12345678，发票代码：164001800111',
  '订单号 202304151234567890',
  '快递单号 773012345678901',
  '项目编号PL2018-1391234567',
  '邮政编码753400',
  '12345热线，12320卫生热线',
  '全科医生、门诊医生和相关同志',
  '患者和家属',
  '村民小组',
  '南大街和解放路交叉口',
  '王先生',
  '申请人信息',
  '签约居民满意度、续约率',
  '涉及个人隐私，公开可能危及举报人安全。',
  '当事人陈述和申辩',
  '截至2018年底，全县共签约12.6万人，签约率45.3%。',
];

/** Contacts declared public: they stay however they are written. */
const PUBLIC: MaskOptions = { publicContacts: ['0952-6012345', 'plwjj@163.com', '平罗县城关镇南大街86号'] };
const PUBLIC_CASES: Case[] = [
  ['咨询电话：0952-6012345', '咨询电话：0952-6012345'],
  ['咨询电话（0952）6012345', '咨询电话（0952）6012345'],
  ['咨询电话：６０１２３４５', '咨询电话：６０１２３４５'],
  ['邮箱PLWJJ@163.com', '邮箱PLWJJ@163.com'],
  ['我局地址：平罗县城关镇南大街86号', '我局地址：平罗县城关镇南大街86号'],
  ['请致电0952-6012345或您的手机13912345678', '请致电0952-6012345或您的手机139****5678'],
  ['座机0952-6012346', '座机0952-****346'],
];

describe('maskText: personal data as people write it (table)', () => {
  for (const [name, cases] of Object.entries(CLASSES)) {
    describe(name, () => {
      it(`has at least 10 cases (${cases.length})`, () => expect(cases.length).to.be.at.least(10));
      for (const [input, expected] of cases) it(input, () => expect(maskText(input)).to.equal(expected));
    });
  }

  describe('no false alarms on public figures', () => {
    it(`has at least 10 cases (${FALSE_ALARMS.length})`, () => expect(FALSE_ALARMS.length).to.be.at.least(10));
    for (const input of FALSE_ALARMS) it(input, () => expect(maskText(input)).to.equal(input));
  });

  describe('public contacts stay, written any way', () => {
    for (const [input, expected] of PUBLIC_CASES) it(input, () => expect(maskText(input, PUBLIC)).to.equal(expected));
  });
});

describe('maskText', () => {
  it('masks the names it is given wherever they appear, surname kept', () => {
    expect(maskText('欧阳娜娜您好：您反映的问题（来信人欧阳娜娜）已转办。', { names: ['欧阳娜娜'] })).to.equal(
      '欧阳**您好：您反映的问题（来信人欧阳**）已转办。',
    );
    expect(maskText('王丽来信', { names: ['王丽', ' '] })).to.equal('王*来信');
  });

  it('keeps everything outside a mask as written, and masking twice changes nothing more', () => {
    const text =
      '我叫王丽萍，电话：１３９ １２３４ ５６７８，住平罗县城关镇南大街12号，邮箱wlp@163.com。2018年4月20日，平卫计发〔2018〕45号。';
    const once = maskText(text);
    expect(once).to.equal(
      '我叫王**，电话：１３９ **** ５６７８，住平罗县…，邮箱w**@163.com。2018年4月20日，平卫计发〔2018〕45号。',
    );
    expect(maskText(once)).to.equal(once);
  });

  it('writes each mask star as \\* in Markdown, so masks never turn into emphasis', () => {
    expect(maskText('王丽萍女士和李国强先生，电话139 1234 5678', { markdown: true })).to.equal(
      '王\\*\\*女士和李\\*\\*先生，电话139 \\*\\*\\*\\* 5678',
    );
  });

  it('masks numbers that only a cue makes personal: QQ, bank accounts; hotlines stay', () => {
    expect(maskText('QQ号：123456789')).to.equal('QQ号：******789');
    expect(maskText('银行卡号6222 0212 3456 7890 123')).to.equal('银行卡号**** **** **** ***0 123');
    expect(maskText('热线电话：12345、12320')).to.equal('热线电话：12345、12320');
  });

  it('leaves text without personal data as it is, and empty text empty', () => {
    expect(maskText('')).to.equal('');
    expect(maskText('希望进一步做好家庭医生签约服务。')).to.equal('希望进一步做好家庭医生签约服务。');
  });
});

describe('the column kinds', () => {
  it('masks names but the surname, keeping compound surnames whole', () => {
    expect(maskName('张三')).to.equal('张*');
    expect(maskName('李小龙')).to.equal('李**');
    expect(maskName('欧阳娜娜')).to.equal('欧阳**');
    expect(maskName('诸葛亮')).to.equal('诸葛*');
    expect(maskName('阿依古丽·买买提')).to.equal('阿*******');
    expect(maskName('王𠮷')).to.equal('王*'); // a character outside the BMP is one star
    expect(maskText('王𠮷来信', { names: ['王𠮷'] })).to.equal('王*来信');
    expect(maskName('John Smith')).to.equal('J*** *****');
    // Businesses are not people: a penalty notice publishes their names.
    expect(maskName('平罗县康宁大药房')).to.equal('平罗县康宁大药房');
    expect(maskName('宁夏某某医疗器械有限公司')).to.equal('宁夏某某医疗器械有限公司');
  });

  it('recognises resident ID numbers by their GB 11643 check digit and birth date, old ones by birth date and province', () => {
    expect(isResidentId('11010519491231002X')).to.be.true;
    expect(isResidentId('11010519491231002x')).to.be.true;
    expect(isResidentId('640221199001011231')).to.be.true;
    expect(isResidentId('640221199001011232')).to.be.false; // wrong check digit
    expect(isResidentId('640221199002301238')).to.be.false; // 30 February
    expect(isResidentId('64022119900101123')).to.be.false; // 17 digits
    expect(isOldResidentId('640221900101123')).to.be.true;
    expect(isOldResidentId('640221900230123')).to.be.false; // 30 February
    expect(isOldResidentId('773012345678901')).to.be.false; // no province 77
    expect(isOldResidentId('64022190010112')).to.be.false; // 14 digits
  });

  it('recognises unified social credit codes by their GB 32100 check character', () => {
    expect(isCreditCode('91640221MA75XXXX17')).to.be.true;
    expect(isCreditCode('126402214550001231')).to.be.true;
    expect(isCreditCode('91110000100000000R')).to.be.true;
    expect(isCreditCode('91640221MA75XXXX18')).to.be.false;
    expect(isCreditCode('91640221MA75XXXXI7')).to.be.false; // I is not used
    // Both an ID and a credit code: a credit code only where the text calls it one (see the false alarms).
    expect(isCreditCode('126402198001010002') && isResidentId('126402198001010002')).to.be.true;
  });

  it('masks ID numbers, keeping the region and the last four (an old one its last three)', () => {
    expect(maskResidentId('640221199001011231')).to.equal('640221********1231');
    expect(maskResidentId('640221900101123')).to.equal('640221******123');
    expect(deidentify('640221 19900101 1231', 'id')).to.equal('640221 ******** 1231');
    expect(deidentify('６４０２２１１９９００１０１１２３１', 'id')).to.equal('６４０２２１********１２３１');
    expect(deidentify('640221900101123', 'id')).to.equal('640221******123');
    // Everything in an ID column is personal: a mistyped number too.
    expect(deidentify('640221199001011232', 'id')).to.equal('640221********1232');
    expect(deidentify('123456', 'id')).to.equal('******');
  });

  it('masks mobile and landline numbers however they are written', () => {
    expect(maskPhone('13812345678')).to.equal('138****5678');
    expect(maskPhone('+86 13812345678')).to.equal('+86 138****5678');
    expect(maskPhone('0952-6012345')).to.equal('0952-****345');
    expect(maskPhone('(0952)6012345')).to.equal('(0952)****345');
    expect(maskPhone('（0952）6012345')).to.equal('（0952）****345');
    expect(maskPhone('１３８ １２３４ ５６７８')).to.equal('１３８ **** ５６７８');
    expect(maskPhone('6012345')).to.equal('****345');
    expect(maskPhone('0952-6012345，13812345678')).to.equal('0952-****345，138****5678');
    expect(maskPhone('12345')).to.equal('**345');
  });

  it('cuts addresses to the county or district, else the city, else the town', () => {
    expect(cutAddress('宁夏回族自治区石嘴山市平罗县城关镇南大街12号')).to.equal('宁夏回族自治区石嘴山市平罗县');
    expect(cutAddress('北京市西城区西长安街1号')).to.equal('北京市西城区');
    expect(cutAddress('平罗县姚伏镇姚伏村三队')).to.equal('平罗县');
    expect(cutAddress('石嘴山市某街道某小区5号楼')).to.equal('石嘴山市');
    expect(cutAddress('城关镇南大街86号')).to.equal('城关镇');
    expect(cutAddress('南大街86号3单元')).to.equal('南大街…');
  });

  it('de-identifies a value the way its column declares', () => {
    expect(deidentify('张三', 'name')).to.equal('张*');
    expect(deidentify('640221199001011231', 'id')).to.equal('640221********1231');
    expect(deidentify('13812345678', 'phone')).to.equal('138****5678');
    expect(deidentify('宁夏回族自治区石嘴山市平罗县城关镇南大街12号', 'address')).to.equal(
      '宁夏回族自治区石嘴山市平罗县',
    );
    expect(deidentify('我叫张三，电话13812345678', 'text')).to.equal('我叫张*，电话138****5678');
    expect(deidentify('咨询电话0952-6012345', 'text', { publicContacts: ['0952 6012345'] })).to.equal(
      '咨询电话0952-6012345',
    );
  });
});
