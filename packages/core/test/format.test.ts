import { expect } from '@open-wc/testing';
import {
  formatChange,
  formatDate,
  formatDocNumber,
  formatFileSize,
  formatMoney,
  formatNumber,
  formatPercent,
  isIsoDate,
  relativeChange,
} from '../src/format.js';

describe('formatMoney', () => {
  it('picks a readable unit in Chinese: 元, 万元, 亿元', () => {
    expect(formatMoney(123456789)).to.equal('1.23亿元');
    expect(formatMoney(12345)).to.equal('1.23万元');
    expect(formatMoney(8500)).to.equal('8,500元');
    expect(formatMoney(99999999)).to.equal('10,000万元');
    expect(formatMoney(100000000)).to.equal('1亿元');
    expect(formatMoney(0)).to.equal('0元');
    expect(formatMoney(-2500000)).to.equal('-250万元');
  });

  it('reads in English with million and billion', () => {
    expect(formatMoney(123456789, { lang: 'en' })).to.equal('123.46 million yuan');
    expect(formatMoney(2_500_000_000, { lang: 'en' })).to.equal('2.5 billion yuan');
    expect(formatMoney(8500, { lang: 'en' })).to.equal('8,500 yuan');
  });

  it('converts from the unit the figures are given in', () => {
    expect(formatMoney(1234.56, { from: '万元' })).to.equal('1,234.56万元');
    expect(formatMoney(12345.6, { from: '万元' })).to.equal('1.23亿元');
    expect(formatMoney(3200, { from: '千元' })).to.equal('320万元');
  });

  it('shows a fixed unit with fixed decimals for official tables', () => {
    expect(formatMoney(12345678, { to: '万元' })).to.equal('1,234.57万元');
    expect(formatMoney(1234.5, { from: '万元', to: '万元' })).to.equal('1,234.50万元');
    expect(formatMoney(1e8, { to: '亿元', digits: 1 })).to.equal('1.0亿元');
  });

  it('groups digits by hand, the same in both languages', () => {
    expect(formatNumber(1234567.891)).to.equal('1,234,567.89');
    expect(formatNumber(-1234.5, 'en')).to.equal('-1,234.5');
    expect(formatNumber(-0.001)).to.equal('0');
    expect(formatNumber(999.999)).to.equal('1,000');
    expect(formatNumber(12, 'zh-CN', 2, 2)).to.equal('12.00');
    expect(formatNumber(0.5, 'zh-CN', 0)).to.equal('1');
  });

  it('never prints NaN', () => {
    expect(formatMoney(Number.NaN)).to.equal('—');
    expect(formatNumber(Infinity)).to.equal('—');
  });
});

describe('percentages and changes', () => {
  it('formats shares and changes with a sign', () => {
    expect(formatPercent(0.4213)).to.equal('42.1%');
    expect(formatChange(0.052)).to.equal('+5.2%');
    expect(formatChange(-0.1)).to.equal('-10%');
    expect(formatChange(0.00001)).to.equal('0%');
    expect(formatChange(relativeChange(105.2, 100))).to.equal('+5.2%');
    expect(formatChange(relativeChange(1, 0))).to.equal('—');
  });
});

describe('formatDate', () => {
  it('writes dates as Chinese and English readers expect', () => {
    expect(formatDate('2018-07-04')).to.equal('2018年7月4日');
    expect(formatDate('2018-07-04', 'en')).to.equal('4 July 2018');
    expect(formatDate('2018-07')).to.equal('2018年7月');
    expect(formatDate('2018-07', 'en')).to.equal('July 2018');
    expect(formatDate('not a date')).to.equal('not a date');
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2020-02-29')).to.be.true;
    expect(isIsoDate('2018-02-29')).to.be.false;
    expect(isIsoDate('2018-13-01')).to.be.false;
  });
});

describe('formatDocNumber', () => {
  it('normalises every common bracket to 〔〕', () => {
    for (const written of [
      '平政发[2017]1号',
      '平政发(2017)1号',
      '平政发（2017）1号',
      '平政发【2017】1号',
      '平政发〔2017〕1号',
      ' 平政发 [ 2017 ] 第01号 ',
    ]) {
      expect(formatDocNumber(written), written).to.equal('平政发〔2017〕1号');
    }
  });

  it('leaves text that is not a document number alone', () => {
    expect(formatDocNumber('无文号')).to.equal('无文号');
  });
});

describe('formatFileSize', () => {
  it('formats bytes', () => {
    expect(formatFileSize(512)).to.equal('512 B');
    expect(formatFileSize(245760)).to.equal('240 KB');
    expect(formatFileSize(1288490)).to.equal('1.2 MB');
  });
});
