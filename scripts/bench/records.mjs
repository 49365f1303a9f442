/**
 * `pnpm bench`: a 50,000-item record listing (记录) like gongkai-server's board of
 * published replies, for the de-identification measures. Built from the large
 * catalogue generator's items (the same titles, dates and offices); each item has
 * a masked sender column and a `body` with the citizen's message and the reply,
 * so <gk-catalogue> runs core's maskText over every record. One body in four
 * is full of personal data written as people write it, one is full of public
 * figures that must stay (文号, amounts, dates, the bureau's 咨询电话), the rest
 * is plain text. Deterministic: no Math.random.
 */
import { largeCatalogue } from '../../packages/elements/src/catalogue/examples/generate-large.mjs';

const SURNAMES = ['王', '李', '张', '马', '刘', '杨', '陈', '赵', '周', '吴', '欧阳', '孙'];
const GIVEN = ['娜娜', '建国', '丽萍', '伟', '秀英', '志强', '海燕', '军', '晓东', '桂兰', '文忠', '静'];
const VILLAGES = ['姚伏镇姚伏村三队', '城关镇南大街', '黄渠桥镇通润村五组', '宝丰镇丽景小区'];

/** The body of record `i`: four kinds in turn, about 120–200 characters. */
export function recordBody(i, title, office) {
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
  const digits = String((i * 7919 + 12345678) % 100000000).padStart(8, '0');
  switch (i % 4) {
    case 0:
      return `**来信内容**\n\n我叫${name}，家住平罗县${VILLAGES[i % VILLAGES.length]}${(i % 90) + 1}号${(i % 6) + 1}单元${(i % 5) + 1}0${(i % 4) + 1}室，电话 139 ${digits.slice(0, 4)} ${digits.slice(4)}，身份证号 640221 19${String(60 + (i % 40))}0101 123X。反映“${title}”的有关问题。\n\n**答复**\n\n${name}您好：已转${office}办理。`;
    case 1:
      return `**来信内容**\n\n关于“${title}”，依据平卫计发〔2018〕45号和《条例》第十四条，2018年4月20日拨付资金1,234,567.89元，共12,000万元。\n\n**答复**\n\n您好：如有疑问请致电咨询电话0952-6012345，邮编753400，统一社会信用代码91640221MA75XXXX17。`;
    case 2:
      return `**来信内容**\n\n希望进一步做好“${title}”有关工作，方便群众办事。\n\n**答复**\n\n您好：您的建议已转${office}研究，感谢您对卫生健康工作的关心和支持。`;
    default:
      return `**来信内容**\n\n患者家属${name}反映，${SURNAMES[(i + 3) % SURNAMES.length]}${GIVEN[(i + 5) % GIVEN.length]}医生态度不好。联系人手机１３８${digits.slice(0, 4)}${digits.slice(4)}，邮箱 user${i}@example.com。\n\n**答复**\n\n您好：已转${office}核实处理。`;
  }
}

/** The 50,000 records: the large catalogue's items as a 记录 listing with a masked sender and a body. */
export function largeRecords(count = 50000) {
  const { header, items } = largeCatalogue(count);
  const offices = header.columns.find((column) => column.key === 'office').values;
  return {
    header: {
      kind: 'catalogue',
      version: 1,
      title: '领导信箱：答复公开（基准测试）',
      owner: header.owner,
      type: '记录',
      columns: [
        { key: 'sender', label: '来信人', type: 'text', deidentify: 'name' },
        { key: 'office', label: '答复单位', type: 'enum', values: offices, facet: true },
      ],
      publicContacts: ['0952-6012345'],
    },
    items: items.map((item, i) => ({
      id: item.id,
      title: item.title,
      date: item.date,
      sender: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length],
      office: item.office,
      body: recordBody(i, item.title, item.office),
    })),
  };
}
