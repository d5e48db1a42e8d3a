import ExcelJS from 'exceljs';
import type { Insights } from '@motcua/core/api';

/**
 * The Decision 766 report as a workbook a commune sends upward: one sheet per group, one line per
 * indicator with its numerator and denominator as numbers and the value and points as live Excel
 * formulas (=C/D, =value×max), so whoever receives it sees how each figure was made. A summary
 * sheet sums the groups' points with formulas too. Counts only: nothing names a person.
 */
export async function insightsWorkbook(data: Insights): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Motcua';
  const summary = wb.addWorksheet('Tổng hợp');
  summary.addRow([`Bộ chỉ số 766/QĐ-TTg — ${data.unit.fullName} (${data.unit.code})`]);
  summary.addRow([`Kỳ: ${data.period.from} – ${data.period.to}`]);
  summary.addRow(['Nhóm chỉ số', 'Điểm đạt', 'Điểm tối đa']);
  const groupRows: number[] = [];
  data.groups.forEach((g, gi) => {
    const sheetName = `${gi + 1}. ${g.name}`.slice(0, 31);
    const ws = wb.addWorksheet(sheetName);
    ws.columns = [{ width: 48 }, { width: 60 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 50 }];
    ws.addRow(['Chỉ số', 'Công thức', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Điểm tối đa', 'Điểm', 'Ghi chú']).font = { bold: true };
    g.indicators.forEach((i, ii) => {
      const r = ii + 2;
      ws.addRow([
        i.name,
        i.formula,
        i.numerator,
        i.denominator,
        i.numerator === null ? null : { formula: `IF(D${r}>0,C${r}/D${r},"")`, result: i.value ?? '' },
        i.max,
        i.max === null || i.numerator === null ? null : { formula: `IF(E${r}="","",ROUND(E${r}*F${r},2))`, result: i.score ?? '' },
        i.note ?? '',
      ]);
      ws.getCell(`E${r}`).numFmt = '0.0%';
    });
    const last = g.indicators.length + 1;
    const row = summary.addRow([g.name, { formula: `SUM('${sheetName}'!G2:G${last})`, result: g.score ?? 0 }, g.max]);
    groupRows.push(row.number);
  });
  const first = groupRows[0]!;
  const lastGroup = groupRows[groupRows.length - 1]!;
  summary.addRow(['Tổng', { formula: `SUM(B${first}:B${lastGroup})`, result: data.total }, data.max]).font = { bold: true };
  summary.addRow(['Điểm tối đa của các chỉ số có số liệu và điểm đã xác nhận', data.scoredMax]);
  summary.getColumn(1).width = 60;
  const counts = wb.addWorksheet('Số liệu');
  counts.addRow(['Chỉ tiêu', 'Số lượng']).font = { bold: true };
  for (const [k, v] of Object.entries(data.counts)) counts.addRow([k, v]);
  counts.getColumn(1).width = 30;
  if (data.breakdown.rows.length > 0) {
    const b = wb.addWorksheet('Xếp hạng');
    b.addRow(['Mã', 'Tên', 'Điểm', 'Trên', 'Tiếp nhận', 'Trực tuyến', 'Trước hạn', 'Đúng hạn', 'Quá hạn']).font = { bold: true };
    for (const r of data.breakdown.rows) b.addRow([r.key, r.name, r.total, r.scoredMax, r.received, r.online, r.early, r.onTime, r.late]);
    b.getColumn(2).width = 40;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
