/**
 * The fee rules Motcua knows, each with its source. Amounts are the ones the curated source data
 * states (../shared/data/procedures, checked against the circulars named); a procedure whose
 * amount the province's People's Council sets keeps `charges: null` ("the commune will tell
 * you") rather than a guessed figure. The catalog build (scripts/procedures) writes these into
 * each procedure; an administrator may correct any of them in the catalog.
 */
import type { Exemption, FeeDueAt, FeeRule } from './types.ts';

const CIVIL_STATUS_ART_11 = 'Luật Hộ tịch 2014 (60/2014/QH13), Điều 11 khoản 1';
const CIRCULAR_226 = 'Thông tư 226/2016/TT-BTC, Điều 4';
const CIRCULAR_75 = 'Thông tư 75/2022/TT-BTC';
const CIRCULAR_281 = 'Thông tư 281/2016/TT-BTC';
const CIRCULAR_85 = 'Thông tư 85/2019/TT-BTC (HĐND tỉnh quyết định mức lệ phí hộ tịch)';

/** Art. 11(1)(a): people of policy families, poor households and people with disabilities pay no civil-status fee. */
const byStatus: Exemption[] = [
  {
    kind: 'policy_family',
    label: 'Người thuộc gia đình có công với cách mạng',
    labelEn: 'Member of a family of people with meritorious services to the revolution',
    basis: `${CIVIL_STATUS_ART_11} điểm a`,
    percent: 100,
    grantedBy: 'receiving_official',
    evidence: 'Giấy tờ chứng minh là người có công hoặc thân nhân người có công (xuất trình, lưu bản chụp)',
    evidenceEn: 'Proof of meritorious-service status or of being a relative (sighted; a copy kept)',
    condition: { kind: 'claim' },
  },
  {
    kind: 'poor_household',
    label: 'Người thuộc hộ nghèo',
    labelEn: 'Member of a poor household',
    basis: `${CIVIL_STATUS_ART_11} điểm a`,
    percent: 100,
    grantedBy: 'receiving_official',
    evidence: 'Giấy chứng nhận hộ nghèo hoặc danh sách hộ nghèo của xã (đối chiếu, lưu bản chụp)',
    evidenceEn: "Poor-household certificate or the commune's poor-household list (checked; a copy kept)",
    condition: { kind: 'claim' },
  },
  {
    kind: 'disability',
    label: 'Người khuyết tật',
    labelEn: 'Person with a disability',
    basis: `${CIVIL_STATUS_ART_11} điểm a`,
    percent: 100,
    grantedBy: 'receiving_official',
    evidence: 'Giấy xác nhận khuyết tật (xuất trình, lưu bản chụp)',
    evidenceEn: 'Disability certificate (sighted; a copy kept)',
    condition: { kind: 'claim' },
  },
];

/** Art. 11(1)(b): on-time birth and death registration are free; "on time" is art. 15 (60 days) and art. 33 (15 days). */
const onTime = (dateField: string, days: number, what: string, whatEn: string, article: string): Exemption => ({
  kind: 'on_time_registration',
  label: `Đăng ký ${what} đúng hạn (trong ${days} ngày)`,
  labelEn: `${whatEn} registered on time (within ${days} days)`,
  basis: `${CIVIL_STATUS_ART_11} điểm b; thời hạn: ${article}`,
  percent: 100,
  grantedBy: 'computed_from_form',
  evidence: null,
  evidenceEn: null,
  condition: { kind: 'within_days', dateField, days },
});

/** Certification of a copy from its original: 2,000 đ a page for pages 1–2, 1,000 đ from page 3, at most 200,000 đ a copy. */
const copyFromOriginal: FeeRule = {
  charges: [
    {
      kind: 'per_page',
      label: 'Chứng thực bản sao',
      labelEn: 'Certified copy',
      tiers: [
        { fromPage: 1, amountVnd: 2000 },
        { fromPage: 3, amountVnd: 1000 },
      ],
      maxPerCopyVnd: 200_000,
      list: 'documents',
      pagesField: 'pages',
      copiesField: 'copies',
    },
  ],
  exemptions: [],
  basis: [CIRCULAR_226],
};

const fixed = (amountVnd: number, label: string, labelEn: string, basis: string, onlineAmountVnd?: number): FeeRule => ({
  charges: [{ kind: 'fixed', label, labelEn, amountVnd, ...(onlineAmountVnd === undefined ? {} : { onlineAmountVnd }) }],
  exemptions: [],
  basis: [basis],
});

const free = (basis: string, exemptions: Exemption[] = []): FeeRule => ({ charges: [], exemptions, basis: [basis] });
const byProvince = (exemptions: Exemption[] = []): FeeRule => ({ charges: null, exemptions, basis: [CIRCULAR_85] });

/** Rules by national procedure code. */
export const KNOWN_FEES: Readonly<Record<string, FeeRule>> = {
  // Civil status (hộ tịch)
  '1.001193': byProvince([onTime('childDateOfBirth', 60, 'khai sinh', 'Birth', 'Luật Hộ tịch 2014, Điều 15'), ...byStatus]),
  '1.000689': byProvince(byStatus),
  '1.001022': byProvince(byStatus),
  '1.000894': free(`${CIVIL_STATUS_ART_11} điểm b (kết hôn của công dân Việt Nam cư trú trong nước)`),
  '1.000656': byProvince([onTime('dateOfDeath', 15, 'khai tử', 'Death', 'Luật Hộ tịch 2014, Điều 33'), ...byStatus]),
  '1.004873': byProvince(byStatus),
  '1.004837': free(`${CIVIL_STATUS_ART_11} điểm b (giám hộ)`),
  '2.000635': {
    charges: [{ kind: 'per_item', label: 'Bản sao trích lục hộ tịch', labelEn: 'Copy of a civil-status extract', amountVnd: 8000, count: { field: 'copies' } }],
    exemptions: [],
    basis: [CIRCULAR_281],
  },
  // Certification (chứng thực)
  '2.000815': copyFromOriginal,
  '2.000884': {
    // "Trường hợp" is one or more signatures on one paper: each certified copy is its own paper.
    charges: [{ kind: 'per_item', label: 'Chứng thực chữ ký', labelEn: 'Signature certification', amountVnd: 10_000, count: { field: 'copies' } }],
    exemptions: [],
    basis: [CIRCULAR_226],
  },
  '2.001008': {
    charges: [{ kind: 'per_item', label: 'Chứng thực chữ ký người dịch', labelEn: "Translator's signature", amountVnd: 10_000, count: { field: 'copies' } }],
    exemptions: [],
    basis: [CIRCULAR_226],
  },
  '2.001035': fixed(50_000, 'Chứng thực hợp đồng, giao dịch', 'Contract certification', CIRCULAR_226),
  '2.001019': fixed(50_000, 'Chứng thực di chúc', 'Will certification', CIRCULAR_226),
  '2.000927': fixed(25_000, 'Sửa lỗi sai sót trong hợp đồng, giao dịch', 'Correction of a certified contract', CIRCULAR_226),
  // Residence (cư trú): a lower rate for online filing is set by the circular itself.
  '1.004222': fixed(20_000, 'Lệ phí đăng ký thường trú', 'Permanent residence registration', CIRCULAR_75, 10_000),
  '1.004194': fixed(15_000, 'Lệ phí đăng ký tạm trú', 'Temporary residence registration', CIRCULAR_75, 7_000),
  '1.002755': fixed(15_000, 'Lệ phí gia hạn tạm trú', 'Extension of temporary residence', CIRCULAR_75, 7_000),
  '1.010038': fixed(10_000, 'Lệ phí tách hộ', 'Household split', CIRCULAR_75, 5_000),
};

/**
 * The rule for a procedure the table does not name, from the catalog's single amount: 0 = free,
 * a number = once per dossier, null = unknown (the commune will tell you).
 */
export function ruleFromAmount(feeVnd: number | null, note: string, basis: readonly string[] = []): FeeRule {
  if (feeVnd === null) return { charges: null, exemptions: [], basis: [...basis] };
  if (feeVnd === 0) return { charges: [], exemptions: [], basis: [...basis] };
  return { charges: [{ kind: 'fixed', label: note || 'Lệ phí', labelEn: 'Fee', amountVnd: feeVnd }], exemptions: [], basis: [...basis] };
}

/**
 * When a procedure's fee falls due, a chosen default (docs/rules.md: no source fixes it): with
 * the filing for procedures offered fully online, so an online dossier arrives paid; else when
 * the desk receives it. Nothing to pay is still "intake". An administrator may set another
 * moment per procedure in the catalog ('result': before the result is handed over).
 */
export function feeDueAtFor(online: 'full' | 'partial' | null, rule: FeeRule): FeeDueAt {
  if (rule.charges === null || rule.charges.length === 0) return 'intake';
  return online === 'full' ? 'submission' : 'intake';
}
