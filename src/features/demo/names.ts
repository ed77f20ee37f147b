/**
 * Fictional personal names and phone numbers for the demo county: common surnames of the Qingyuan area with
 * one- or two-character given names. Any resemblance to a real person is chance.
 */
import { demoRates } from './distributions.ts';
import { type Random, type Weighted, weightedPicker } from './random.ts';

/** Surnames common around 佛冈 (relative frequency, rough). */
const surnameWeights: Weighted<string> = [
  ['陈', 12],
  ['黄', 10],
  ['李', 8],
  ['朱', 7],
  ['何', 6],
  ['张', 6],
  ['罗', 5],
  ['刘', 5],
  ['邓', 5],
  ['徐', 4],
  ['曾', 3],
  ['潘', 3],
  ['谢', 3],
  ['林', 3],
  ['梁', 3],
  ['赖', 2],
  ['范', 2],
  ['吴', 2],
  ['钟', 2],
  ['汤', 2],
  ['廖', 2],
  ['冯', 2],
  ['郑', 2],
  ['温', 1],
  ['欧', 1],
  ['叶', 1],
  ['卢', 1],
  ['周', 1],
  ['杨', 1],
  ['王', 1],
  ['苏', 1],
  ['邱', 1],
];

const maleGivenCharacters = [...'伟强明华建国志文辉俊荣兴添财贵德福耀坤永锦金炳汉海东家嘉浩宇子涛杰鹏新成旺发展振'];
const femaleGivenCharacters = [...'秀英娣妹玉梅兰芳桂凤群丽娟燕霞敏婷欣怡雅琪颖嘉晓慧佩珍红金连带好'];

/** Mobile prefixes of the 13x / 15x / 18x ranges (154 was never issued). */
const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
];

/** Draws a surname. */
export const pickSurname: (random: Random) => string = weightedPicker(surnameWeights);

/** Draws a one- or two-character given name for a man or a woman. */
export function pickGivenName(random: Random, male: boolean): string {
  const characters = male ? maleGivenCharacters : femaleGivenCharacters;
  const first = random.pick(characters);
  if (random.chance(demoRates.singleCharacterGivenName)) {
    return first;
  }
  let second = random.pick(characters);
  while (second === first && random.chance(0.7)) {
    second = random.pick(characters);
  }
  return first + second;
}

/** Draws a plausible mainland mobile number (11 digits). */
export function pickMobile(random: Random): string {
  return random.pick(mobilePrefixes) + String(random.int(100_000_000)).padStart(8, '0');
}
