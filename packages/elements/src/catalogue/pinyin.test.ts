import { expect } from '@open-wc/testing';
import { looksLikeInitials, pinyinInitials } from './internal/pinyin.js';

describe('pinyin initials', () => {
  it('come from the browser collation, without a table', () => {
    expect(pinyinInitials('预算公开')).to.equal('ysgk');
    expect(pinyinInitials('政务公开')).to.equal('zwgk');
    expect(pinyinInitials('平罗县卫生和计划生育局')).to.equal('plxwshjhsyj');
    expect(pinyinInitials('2018年部门决算')).to.equal('2018nbmjs');
    expect(pinyinInitials('依申请公开目录')).to.equal('ysqgkml');
  });

  it('are used only for Latin-letter searches', () => {
    expect(looksLikeInitials('ysgk')).to.be.true;
    expect(looksLikeInitials('预算')).to.be.false;
    expect(looksLikeInitials('2018')).to.be.false;
  });
});
