import { expect } from '@open-wc/testing';
import { cutAddress, deidentify, isResidentId, maskName, maskPhone, maskResidentId, maskText } from '../src/deidentify.js';

describe('de-identification (去标识化)', () => {
  it('masks names but the surname, keeping compound surnames whole', () => {
    expect(maskName('张三')).to.equal('张*');
    expect(maskName('李小龙')).to.equal('李**');
    expect(maskName('欧阳娜娜')).to.equal('欧阳**');
    expect(maskName('诸葛亮')).to.equal('诸葛*');
    expect(maskName('阿依古丽·买买提')).to.equal('阿*******');
    expect(maskName('John Smith')).to.equal('J*** *****');
    // Businesses are not people: a penalty notice publishes their names.
    expect(maskName('平罗县康宁大药房')).to.equal('平罗县康宁大药房');
    expect(maskName('宁夏某某医疗器械有限公司')).to.equal('宁夏某某医疗器械有限公司');
  });

  it('recognises resident ID numbers by their GB 11643 check digit and birth date', () => {
    expect(isResidentId('11010519491231002X')).to.be.true;
    expect(isResidentId('11010519491231002x')).to.be.true;
    expect(isResidentId('640221199001011231')).to.be.true;
    expect(isResidentId('640221199001011232')).to.be.false; // wrong check digit
    expect(isResidentId('640221199002301238')).to.be.false; // 30 February
    expect(isResidentId('64022119900101123')).to.be.false; // 17 digits
  });

  it('masks ID numbers, keeping the region and the last four', () => {
    expect(maskResidentId('640221199001011231')).to.equal('640221********1231');
  });

  it('masks mobile and landline numbers', () => {
    expect(maskPhone('13812345678')).to.equal('138****5678');
    expect(maskPhone('+86 13812345678')).to.equal('+86 138****5678');
    expect(maskPhone('0952-6012345')).to.equal('0952-****345');
    expect(maskPhone('(0952)6012345')).to.equal('(0952)****345');
  });

  it('cuts addresses to the county or district', () => {
    expect(cutAddress('宁夏回族自治区石嘴山市平罗县城关镇南大街12号')).to.equal('宁夏回族自治区石嘴山市平罗县');
    expect(cutAddress('北京市西城区西长安街1号')).to.equal('北京市西城区');
    expect(cutAddress('平罗县姚伏镇姚伏村三队')).to.equal('平罗县');
    expect(cutAddress('石嘴山市某街道某小区5号楼')).to.equal('石嘴山市');
  });

  it('masks ID and phone numbers inside free text, and leaves other numbers alone', () => {
    const text = '当事人王某（身份证号640221198512300014，电话13912345678，座机0952 6012345）于2018年3月被处罚，案号平卫计罚〔2018〕12号，许可证号123456789012345678。';
    const masked = maskText(text);
    expect(masked).to.contain('640221********0014');
    expect(masked).to.contain('139****5678');
    expect(masked).to.contain('0952 ****345');
    expect(masked).to.contain('平卫计罚〔2018〕12号');
    expect(masked).to.contain('123456789012345678'); // not a valid resident ID: left alone
    expect(masked).not.to.contain('198512300014');
  });

  it('de-identifies a value the way its column declares', () => {
    expect(deidentify('张三', 'name')).to.equal('张*');
    expect(deidentify('640221199001011231', 'id')).to.equal('640221********1231');
    expect(deidentify('13812345678', 'phone')).to.equal('138****5678');
    expect(deidentify('宁夏回族自治区石嘴山市平罗县城关镇南大街12号', 'address')).to.equal('宁夏回族自治区石嘴山市平罗县');
  });
});
