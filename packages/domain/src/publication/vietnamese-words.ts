import { list } from './word-list.js';
import { foldLower } from './text-view.js';

// A Vietnamese syllable without its tone and vowel marks: an initial consonant cluster, a vowel
// nucleus and an optional final. Used to tell a name ("Nguyễn", "Ánh") from an acronym or a
// foreign word ("UBND", "Vietcombank") after an honorific.
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** True when the (folded, lower-case) word has the shape of a Vietnamese syllable. */
export function isSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}

/** Common family names (folded, lower-case). */
export const SURNAMES: ReadonlySet<string> = new Set(
  list(`
  nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|đinh|đoàn|trịnh|lâm|
  mai|trương|lương|cao|tạ|hà|thái|tô|chu|lưu|la|kiều|văn|quách|tăng|đào|từ|khúc|triệu|thân|cù|
  nông|lò|tống|phùng|vương|mạc|hứa|đàm
`).map(foldLower),
);

/** Middle names that, after a family name, mark a personal name rather than a place. */
export const MIDDLE_NAMES: ReadonlySet<string> = new Set(
  list(`
  văn|thị|đức|hữu|đình|công|quốc|ngọc|xuân|minh|thanh|trọng|quang|khắc|viết|bá|duy|thế|tiến|
  mạnh|hồng|kim|thu|phương|hoài|như|bảo|gia|anh|tuấn|hải|thúy|thuỳ|thùy|diệu|mỹ|bích|thiện|sỹ|
  sĩ|đăng|nhật|vĩnh|thành|trung|hoàng|thái
`).map(foldLower),
);

/**
 * Words before which a capitalised run is a person's name: honorifics, kinship terms used as
 * honorifics, introductions ("tôi là", "tên là", "họ tên") and roles. Written with diacritics;
 * a text without diacritics matches their folded form.
 */
export const NAME_CUES: readonly string[] = list(`
  ông|bà|anh|chị|cô|chú|bác|em|cháu|cụ|thầy|dì|cậu|mợ|con|ông/bà|ông (bà)|bà/ông|ông, bà|
  anh/chị|đồng chí|đ/c|đ.c|tôi là|tên là|tôi tên|tên tôi là|tên tôi|họ tên|họ và tên|họ, tên|
  em là|cháu là|con là|mình là|mình tên|công dân|chủ hộ|cán bộ|chuyên viên|bác sĩ|luật sư|kỹ sư|
  thầy giáo|cô giáo|giáo viên|mr|mrs|ms|bạn|tên|chủ tài khoản|tên tài khoản|người nhận|
  người gửi|người liên hệ|người phản ánh|người viết|người ký|ký tên
`);

/** Cues after which a lower-case name is still a name ("tên là nguyễn văn long"). */
export const INTRODUCTIONS: ReadonlySet<string> = new Set(
  list(`
  tôi là|tên là|tôi tên|tên tôi là|tên tôi|họ tên|họ và tên|họ, tên|mình tên
`).map(foldLower),
);

// Titles and roles that follow an honorific but are not names ("ông Chủ tịch UBND xã"), as the
// first one or two words after the cue; lower-case with diacritics (see isWordForm).
export const TITLES: ReadonlySet<string> = new Set(
  list(`
  chủ tịch|phó chủ|phó chánh|phó giám|phó trưởng|phó bí|phó tổng|phó|bí thư|giám đốc|tổng giám|
  trưởng phòng|trưởng ban|trưởng thôn|trưởng ấp|trưởng khu|trưởng công|trưởng xóm|trưởng bản|
  trưởng|thư ký|kế toán|tổ trưởng|tổ phó|đại úy|thượng úy|trung úy|thiếu úy|đại tá|thượng tá|
  trung tá|thiếu tá|công an|cán bộ|luật sư|bác sĩ|chánh văn|chánh án|chánh thanh|ủy viên|
  uỷ viên|đại biểu|đại diện|chủ nhiệm|hiệu trưởng|thanh tra|kiểm lâm|địa chính|tư pháp|
  văn phòng|ubnd|hđnd|xã|phường|thị trấn|huyện|tỉnh|sở|phòng|đội
`),
);

// Pronouns and determiners that may follow a cue word capitalised ("Anh Chị em", "Ông Bà"):
// matched only as written with diacritics, since their folded forms are family names (Hồ, Đỗ).
export const PRONOUNS: ReadonlySet<string> = new Set(
  list(`
  tôi|chúng|mình|họ|nó|ông|bà|anh|chị|em|cô|chú|bác|cháu|con|các|những|mọi|người|ấy|này|đó|kia|
  cả
`),
);

// Words that end a lower-case name after an introduction ("tên là nguyễn văn long ở xã…"), with
// diacritics (see isWordForm: "năm" ends a name, "Nam" does not).
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  list(`
  ở|tại|sinh|địa|số|điện|có|là|xin|hiện|thường|trú|quê|năm|xã|phường|thôn|đến|muốn|phản|kiến|
  gửi|của|và|với|đang|đã|bị|không|nay|xóm|tổ|huyện|tỉnh|nhà|cư|làm|nghề|tuổi|sđt|đt|email|cccd|
  cmnd|ngụ|sống|thuộc|theo|về|cho|rằng|nên|thì|mà|vì|do|được|hỏi|đề|nghị|trình|bày|việc|vấn|
  liên|hệ|gọi|tên|xin|kính|gởi|chào|muốn
`),
);
