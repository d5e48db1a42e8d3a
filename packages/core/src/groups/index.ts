/**
 * Linked procedure groups (liên thông): one application, several member procedures handled by
 * different agencies. The two groups are those Decree 63/2024/NĐ-CP sets up and Decision
 * 296/QĐ-VPCP (12/6/2024) publishes. Facts not confirmed from a source stay null (docs/rules.md).
 */

/** Who handles a member: the commune's own officers, or a partner agency outside Motcua. */
export type GroupAgency = 'commune_civil_status' | 'commune_police' | 'social_insurance' | 'commune_social_affairs';

export interface GroupMember {
  /** The member's own step key inside the group (stable; member dossier codes end with it). */
  key: string;
  /** The catalog procedure, when Motcua's catalog holds it (only the civil-status ones do). */
  procedureCode: string;
  name: string;
  nameEn: string;
  agency: GroupAgency;
  /** Handled in Motcua's own workflow (a real dossier) or by a partner agency through an adapter. */
  handledBy: 'motcua' | 'partner';
  /** Keys of members whose result this one waits on (the card needs the birth's personal ID). */
  dependsOn: string[];
  /** The form field (boolean) the citizen ticks to ask for this member; null: always in the group. */
  requestedBy: string | null;
}

export interface ProcedureGroup {
  code: string;
  name: string;
  nameEn: string;
  /** The member whose form is the group's form (its catalog procedure). */
  leadProcedureCode: string;
  members: GroupMember[];
  /** The combined form named by the decree, when confirmed. */
  combinedForm: string | null;
  documents: { name: string; nameEn: string; required: boolean; when?: string }[];
  /** Maximum working days for the whole group; null while sources disagree (docs/rules.md). */
  legalWorkingDays: number | null;
  legalBasis: string[];
}

export const AGENCY_NAMES: Record<GroupAgency, { vi: string; en: string }> = {
  commune_civil_status: { vi: 'Công chức tư pháp – hộ tịch cấp xã', en: 'Commune civil-status officer' },
  commune_police: { vi: 'Công an cấp xã (cơ quan đăng ký cư trú)', en: 'Commune police (residence registration)' },
  social_insurance: { vi: 'Cơ quan Bảo hiểm xã hội', en: 'Social insurance agency' },
  commune_social_affairs: { vi: 'Công chức văn hóa – xã hội cấp xã', en: 'Commune social-affairs officer' },
};

const BASIS = ['Nghị định 63/2024/NĐ-CP', 'Quyết định 296/QĐ-VPCP ngày 12/6/2024 (công bố 02 nhóm thủ tục liên thông)'];

export const PROCEDURE_GROUPS: readonly ProcedureGroup[] = [
  {
    code: 'LT-KHAISINH',
    name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    nameEn: 'Linked: birth registration, permanent residence registration, health insurance card for a child under 6',
    leadProcedureCode: '1.001193',
    members: [
      {
        key: 'KS',
        procedureCode: '1.001193',
        name: 'Đăng ký khai sinh',
        nameEn: 'Birth registration',
        agency: 'commune_civil_status',
        handledBy: 'motcua',
        dependsOn: [],
        requestedBy: null,
      },
      {
        key: 'TT',
        procedureCode: 'residence.permanent',
        name: 'Đăng ký thường trú',
        nameEn: 'Permanent residence registration',
        agency: 'commune_police',
        handledBy: 'partner',
        dependsOn: ['KS'],
        requestedBy: 'linkResidenceAndInsurance',
      },
      {
        key: 'BHYT',
        procedureCode: 'insurance.child-card',
        name: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        nameEn: 'Health insurance card for a child under 6',
        agency: 'social_insurance',
        handledBy: 'partner',
        dependsOn: ['KS'],
        requestedBy: 'linkResidenceAndInsurance',
      },
    ],
    // Decree 63's combined declaration (Mẫu 01 per the brief) is not confirmed from a source here.
    combinedForm: null,
    documents: [
      { name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp', nameEn: "The hospital's birth certificate", required: true },
      {
        name: 'Giấy tờ chứng minh chỗ ở hợp pháp',
        nameEn: 'Proof of lawful residence',
        required: false,
        when: 'Khi trẻ đăng ký thường trú khác nơi cư trú của cha, mẹ — when the child registers away from the parents',
      },
    ],
    // dichvucong.gov.vn (procedure 233448) gives at most 20 working days; press reports of
    // Decision 296 give 3 working days online. Unresolved: null (docs/rules.md).
    legalWorkingDays: null,
    legalBasis: BASIS,
  },
  {
    code: 'LT-KHAITU',
    name: 'Liên thông đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí',
    nameEn: 'Linked: death registration, deletion of permanent residence, funeral allowance',
    leadProcedureCode: '1.000656',
    members: [
      {
        key: 'KT',
        procedureCode: '1.000656',
        name: 'Đăng ký khai tử',
        nameEn: 'Death registration',
        agency: 'commune_civil_status',
        handledBy: 'motcua',
        dependsOn: [],
        requestedBy: null,
      },
      {
        key: 'XTT',
        procedureCode: 'residence.deletion',
        name: 'Xóa đăng ký thường trú',
        nameEn: 'Deletion of permanent residence',
        agency: 'commune_police',
        handledBy: 'partner',
        dependsOn: ['KT'],
        requestedBy: 'linkResidenceDeletion',
      },
      {
        key: 'MT',
        procedureCode: 'social.funeral-allowance',
        name: 'Giải quyết mai táng phí',
        nameEn: 'Funeral allowance',
        agency: 'commune_social_affairs',
        handledBy: 'partner',
        dependsOn: ['KT'],
        requestedBy: 'linkFuneralSupport',
      },
    ],
    combinedForm: null,
    documents: [{ name: 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử', nameEn: 'Death notice or a paper standing for it', required: true }],
    legalWorkingDays: null,
    legalBasis: BASIS,
  },
];

export function groupByCode(code: string): ProcedureGroup | undefined {
  return PROCEDURE_GROUPS.find((g) => g.code === code);
}

/** The members an application asks for: the lead always, the others when their box is ticked. */
export function requestedMembers(group: ProcedureGroup, form: Record<string, unknown>): GroupMember[] {
  return group.members.filter((m) => m.requestedBy === null || form[m.requestedBy] === true);
}
