import { describe, expect, it } from 'vitest';
import { validateForm } from './validate.ts';
import { APPLICANT_SCHEMA, applicantValue, emptyApplicant, toApplicant } from './applicant.ts';
import { clearDraft, loadDraft, saveDraft, type WizardDraft } from './draft.ts';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const draft = (owner: string): WizardDraft => ({
  version: 1,
  procedureCode: '1.001193',
  owner,
  idempotencyKey: 'k-1',
  step: 2,
  applicant: emptyApplicant(),
  form: { childFullName: 'Nguyễn Văn Bình' },
  documents: { '1': [{ uploadId: 'u1', filename: 'giay-chung-sinh.jpg', size: 10, mediaType: 'image/jpeg' }] },
  delivery: 'counter',
  postalAddress: '',
  savedAt: '2025-11-03T08:00:00.000Z',
});

describe('draft store', () => {
  it('gives back the same draft, key and step to the same citizen only', () => {
    const store = new MemoryStorage();
    expect(saveDraft(draft('089095001234'), store)).toBe(true);
    expect(loadDraft('1.001193', '089095001234', store)).toEqual(draft('089095001234'));
    expect(loadDraft('1.001193', '089190004567', store)).toBeNull();
    expect(loadDraft('2.000815', '089095001234', store)).toBeNull();
    clearDraft('1.001193', store);
    expect(loadDraft('1.001193', '089095001234', store)).toBeNull();
  });

  it('ignores unreadable or foreign data instead of crashing the wizard', () => {
    const store = new MemoryStorage();
    store.setItem('motcua.draft.1.001193', '{not json');
    expect(loadDraft('1.001193', '089095001234', store)).toBeNull();
    store.setItem('motcua.draft.1.001193', JSON.stringify({ version: 2 }));
    expect(loadDraft('1.001193', '089095001234', store)).toBeNull();
  });

  it('reports a full device instead of pretending to have saved', () => {
    const store = new MemoryStorage();
    store.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveDraft(draft('089095001234'), store)).toBe(false);
  });
});

describe('applicant', () => {
  it('validates with the server rules and sends blanks as absent', () => {
    const filled = {
      ...emptyApplicant(),
      idNumber: '089095001234',
      fullName: 'Nguyễn Văn An',
      birthDate: '1995-03-12',
      sex: 'male',
      phone: '0912 345 678',
      unitCode: '30421',
      addressLine: 'Ấp Phú Lâm 1',
    };
    expect(validateForm(APPLICANT_SCHEMA, applicantValue(filled))).toEqual([]);
    expect(toApplicant(filled)).toMatchObject({ phone: '0912345678', hamlet: null });
    expect(toApplicant(filled)).not.toHaveProperty('email');
    const errors = validateForm(APPLICANT_SCHEMA, applicantValue({ ...filled, phone: '12345', idNumber: '0890' }));
    expect(errors.map((e) => e.path).sort()).toEqual(['idNumber', 'phone']);
  });
});
