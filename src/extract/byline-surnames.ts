/**
 * Chinese surnames: whether a short run of characters has the shape of a personal name (a common single or a
 * compound surname) rather than an outlet's or a place's name. Used by the byline, poster and info-line readers.
 */

/** The hundred-odd commonest Chinese surnames: enough to tell "尹娟" (a person) from "千龙网" (an outlet). */
const COMMON_SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝傅洪赖阎']);
export const OUTLET_END = /(?:报|网|社|台|刊|站|局|部|委|会|院|中心|新闻|杂志|频道|客户端|在线|时报|周刊|公司|集团|大学|学院|政府)$/;

/** Traditional forms of the common surnames above. */
const TRADITIONAL_SURNAMES = new Set([...'陳劉黃張楊趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆賀顧龔錢嚴湯溫齊喬龐顏聶魯歐關蘭寧紀畢單駱藍鮑饒陽時農繆簡車項連蘆麥婁竇黨費衛應臧閔鄔邊師欒榮鞏遲鄺蔣莊龍萬華塗閻賴']);

/** Starts with one of the commonest surnames (simplified or traditional), 2–3 characters in all. */
export function hasCommonSurname(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,3}$/.test(s) && (COMMON_SURNAMES.has(s[0]) || TRADITIONAL_SURNAMES.has(s[0]));
}

/** Two-character surnames (欧阳, 司马, 諸葛 …): their names run to four characters. */
const COMPOUND_SURNAME = /^(?:欧阳|歐陽|司马|司馬|诸葛|諸葛|上官|东方|東方|皇甫|慕容|令狐|公孙|公孫|夏侯|尉迟|尉遲|长孙|長孫|宇文|司徒|端木|南宫|南宮|独孤|獨孤|西门|西門)[\u4e00-\u9fff]{1,2}$/;

/** Opens with a two-character surname ("欧阳晓明北京大学教授"): the name glued there runs to four characters. */
export function startsWithCompoundSurname(s: string): boolean {
  return COMPOUND_SURNAME.test(s.slice(0, 4));
}

/** A name with a common single or a compound surname: "张三", "歐陽娜娜", "司马南". */
export function hasSurnameShape(s: string): boolean {
  return hasCommonSurname(s) || COMPOUND_SURNAME.test(s);
}

/** Does this look like a Chinese personal name (common surname + 1–2 characters, not an outlet)? */
export function looksLikeChineseName(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,3}$/.test(s) && COMMON_SURNAMES.has(s[0]) && !OUTLET_END.test(s);
}
