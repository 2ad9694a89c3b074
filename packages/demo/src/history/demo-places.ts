import type { SeededRandom } from './seeded-random.js';

const SURNAMES = [
  ['Nguyễn', 24],
  ['Trần', 10],
  ['Lê', 10],
  ['Phạm', 6],
  ['Hoàng', 5],
  ['Phan', 7],
  ['Võ', 7],
  ['Đặng', 4],
  ['Bùi', 4],
  ['Đỗ', 3],
  ['Hồ', 5],
  ['Ngô', 3],
  ['Dương', 3],
  ['Đinh', 3],
  ['Thái', 2],
  ['Đậu', 2],
  ['Trương', 2],
] as const;
const MALE = [
  ['Văn', 'An'],
  ['Văn', 'Bình'],
  ['Đức', 'Cường'],
  ['Văn', 'Dũng'],
  ['Minh', 'Đức'],
  ['Hữu', 'Hải'],
  ['Văn', 'Hùng'],
  ['Quang', 'Huy'],
  ['Đình', 'Khánh'],
  ['Văn', 'Long'],
  ['Công', 'Minh'],
  ['Văn', 'Nam'],
  ['Hữu', 'Nghĩa'],
  ['Xuân', 'Phong'],
  ['Văn', 'Quý'],
  ['Đình', 'Sơn'],
  ['Văn', 'Thắng'],
  ['Quốc', 'Toàn'],
  ['Anh', 'Tuấn'],
  ['Văn', 'Việt'],
] as const;
const FEMALE = [
  ['Thị', 'Anh'],
  ['Thị', 'Bích'],
  ['Thị', 'Châu'],
  ['Thị', 'Dung'],
  ['Thu', 'Hà'],
  ['Thị', 'Hằng'],
  ['Thị', 'Hoa'],
  ['Thị', 'Hương'],
  ['Thị Thanh', 'Huyền'],
  ['Thị', 'Lan'],
  ['Thị', 'Loan'],
  ['Thị', 'Mai'],
  ['Thị Kim', 'Ngân'],
  ['Thị', 'Nhung'],
  ['Thị', 'Oanh'],
  ['Thị', 'Phương'],
  ['Thị', 'Sương'],
  ['Thị', 'Thảo'],
  ['Thị', 'Trang'],
  ['Thị', 'Yến'],
] as const;
const MOBILE_PREFIXES = ['91', '94', '88', '98', '97', '96', '86', '35', '36', '37', '38', '39'];

/** A citizen: an invented name and mobile number, sometimes an e-mail address. */
export interface DemoCitizen {
  name: string;
  phone: string;
  email: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Vietnamese text without diacritics, as many people type an SMS. */
export const withoutDiacritics = fold;

/** The `index`-th citizen: the number carries the index, so no two share a phone. */
export function demoCitizen(rng: SeededRandom, index: number): DemoCitizen {
  const surname = rng.weighted(SURNAMES);
  const [middle, given] = rng.chance(0.55) ? rng.pick(MALE) : rng.pick(FEMALE);
  const name = `${surname} ${middle} ${given}`;
  // Invented numbers; nothing is ever sent to them (see settleDemoHistoryNotifications).
  const phone = `+84${rng.pick(MOBILE_PREFIXES)}5${String(index % 1000).padStart(3, '0')}${String(rng.int(0, 999)).padStart(3, '0')}`;
  const email = rng.chance(0.25)
    ? `${fold(given).toLowerCase()}.${fold(surname).toLowerCase()}${rng.int(70, 99)}@example.com`
    : null;
  return { name, phone, email };
}
