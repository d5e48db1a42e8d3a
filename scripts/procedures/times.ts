/**
 * Processing times the law states where the source record leaves them empty, each with the
 * article it comes from. Only times whose text was found and read are listed; the others stay
 * empty (the desk sets them per dossier) rather than guessed.
 */
export interface StatedTime {
  workingDays: number;
  /** Shown to officials and citizens: the rule and its source. */
  noteVi: string;
}

export const statedTimes: Readonly<Record<string, StatedTime>> = {
  '1.010038': {
    workingDays: 5,
    noteVi:
      '05 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ và hợp lệ (Luật Cư trú 2020, Điều 25 khoản 3: "cơ quan đăng ký cư trú có trách nhiệm thẩm định, cập nhật thông tin về hộ gia đình liên quan đến việc tách hộ").',
  },
};
