/**
 * Test support for the dossier workflow (not exported from the package): a simple Mon–Fri
 * calendar in Vietnam's time, a cast of actors, and helpers to drive a dossier through decide.
 */
import { vietnamDate } from './clock.ts';
import { formatDossierCode } from './code.ts';
import { decide, decideSubmission } from './decide.ts';
import { deriveDossier } from './derive.ts';
import type { ActionType, Actor, DossierClock, DossierContext, DossierEvent, DossierState, DossierView, Processing } from './types.ts';

const DAY_MS = 86_400_000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 17:00 in Vietnam on that date. */
const closeOfDay = (isoDate: string) => new Date(`${isoDate}T17:00:00+07:00`);

/** A fake calendar: Monday–Friday are working days except the listed holidays. */
export function fakeClock(holidays: string[] = []): DossierClock & { isWorkingDay(day: string): boolean } {
  const isWorkingDay = (day: string) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidays.includes(day);
  };
  const nextWorkingDay = (day: string) => {
    let d = addDays(day, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };
  const workingDaysBetween = (from: Date, to: Date): number => {
    const a = vietnamDate(from);
    const b = vietnamDate(to);
    if (b < a) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };
  return {
    isWorkingDay,
    workingDaysBetween,
    dueDate(receivedAt: Date, processing: Processing): Date {
      const day = vietnamDate(receivedAt);
      if ('sameDay' in processing) {
        // Received before 15:00 on a working day: same day; otherwise the next working day.
        const hour = (receivedAt.getUTCHours() + 7) % 24;
        return isWorkingDay(day) && hour < 15 ? closeOfDay(day) : closeOfDay(nextWorkingDay(day));
      }
      let d = day;
      for (let i = 0; i < processing.workingDays; i++) d = nextWorkingDay(d);
      return closeOfDay(d);
    },
  };
}

export const ctx: DossierContext = { clock: fakeClock() };

export const U1 = '26734';
/** U1's agency identifier (QCVN 102:2016 form) as the codes carry it. */
export const U1_AGENCY = '000.01.01.H24';
export const U2 = '26737';
export const OWNER_ID = '001090012345';

const castDef = {
  owner: { kind: 'citizen', idNumber: OWNER_ID },
  stranger: { kind: 'citizen', idNumber: '001090099999' },
  receptionist: { kind: 'official', userId: 'rec1', roles: ['receptionist'], unitCodes: [U1] },
  receptionistU2: { kind: 'official', userId: 'rec2', roles: ['receptionist'], unitCodes: [U2] },
  assignee: { kind: 'official', userId: 'spec1', roles: ['specialist'], unitCodes: [U1] },
  otherSpecialist: { kind: 'official', userId: 'spec2', roles: ['specialist'], unitCodes: [U1] },
  specialistU2: { kind: 'official', userId: 'spec3', roles: ['specialist'], unitCodes: [U2] },
  approver: { kind: 'official', userId: 'appr1', roles: ['approver'], unitCodes: [U1] },
  approverU2: { kind: 'official', userId: 'appr2', roles: ['approver'], unitCodes: [U2] },
  outreach: { kind: 'official', userId: 'out1', roles: ['outreach'], unitCodes: [U1] },
  communeAdmin: { kind: 'official', userId: 'adm1', roles: ['commune_admin'], unitCodes: [U1] },
  provinceViewer: { kind: 'official', userId: 'prov1', roles: ['province_viewer'], unitCodes: [U1, U2] },
  system: { kind: 'official', userId: 'system', roles: ['system'], unitCodes: [] },
  deskAndApprover: { kind: 'official', userId: 'multi', roles: ['receptionist', 'approver'], unitCodes: [U1, U2] },
} satisfies Record<string, Actor>;

export type CastName = keyof typeof castDef;
export const cast: Record<CastName, Actor> = castDef;

/** Monday 7 July 2025, 08:00 in Vietnam. */
export const MONDAY_8AM = new Date('2025-07-07T08:00:00+07:00');

export const minutesLater = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

/** A dossier's log plus its current view; `act` appends through decide or fails loudly. */
export class Journal {
  events: DossierEvent[] = [];
  view!: DossierView;

  constructor(
    channel: 'online' | 'counter' | 'outreach' | 'postal',
    processing: Processing,
    public now: Date = MONDAY_8AM,
  ) {
    const by: Actor = channel === 'online' ? cast.owner : channel === 'outreach' ? cast.outreach : cast.receptionist;
    const result = decideSubmission(
      {
        code: formatDossierCode(U1_AGENCY, vietnamDate(now), 1),
        agencyCode: U1_AGENCY,
        procedureCode: '1.004873',
        processing,
        channel,
        unitCode: U1,
        applicantIdNumber: OWNER_ID,
      },
      by,
      now,
      ctx,
    );
    if (!result.ok) throw new Error(`submission refused: ${result.error.messageEn}`);
    this.push(result.event);
  }

  push(event: Omit<DossierEvent, 'seq'>): void {
    this.events.push({ ...event, seq: this.events.length + 1 } as DossierEvent);
    this.view = deriveDossier(this.events);
  }

  /** Applies a command at `now` (advanced by `afterMinutes`), throwing if decide refuses it. */
  act(actor: CastName, command: Record<string, unknown> & { action: string }, afterMinutes = 5): DossierView {
    this.now = minutesLater(this.now, afterMinutes);
    const result = decide(this.view, command, cast[actor], this.now, ctx);
    if (!result.ok) throw new Error(`${command.action} by ${actor} refused: ${result.error.messageEn}`);
    this.push(result.event);
    return this.view;
  }

  try(actor: CastName, command: Record<string, unknown> & { action: string }, afterMinutes = 5) {
    this.now = minutesLater(this.now, afterMinutes);
    return decide(this.view, command, cast[actor], this.now, ctx);
  }
}

/**
 * A command for `action` whose fields are valid for this view at `now` (a different assignee or
 * unit, an appointment after both now and the current one), so only the workflow rules decide.
 */
export function validCommand(action: ActionType, view: DossierView, now: Date): Record<string, unknown> & { action: string } {
  const later = Math.max(now.getTime(), view.dueAt ? Date.parse(view.dueAt) : 0) + 2 * DAY_MS;
  switch (action) {
    case 'receive':
    case 'approve':
    case 'mark_result_ready':
    case 'complete_on_spot':
    case 'withdraw':
      return { action };
    case 'refuse_intake':
    case 'refuse':
    case 'cancel':
      return { action, reason: 'Hồ sơ không thuộc thẩm quyền' };
    case 'request_supplement':
      return { action, reason: 'Thiếu giấy tờ', missingDocuments: ['Bản sao giấy khai sinh'] };
    case 'submit_supplement':
      return { action, documents: ['upload-123'] };
    case 'assign':
      return { action, assigneeUserId: view.assigneeUserId === 'spec1' ? 'spec2' : 'spec1' };
    case 'transfer':
      return { action, toUnitCode: view.unitCode === U1 ? U2 : U1, reason: 'Sai địa bàn' };
    case 'propose':
      return { action, outcome: 'approve', note: 'Đủ điều kiện' };
    case 'return_result':
      return { action, method: 'counter', recipientName: 'Nguyễn Văn A', signatureRef: 'sig-1' };
    case 'record_apology':
      return { action, newAppointment: new Date(later).toISOString(), reason: 'Cần xác minh thêm' };
  }
}

/** The brief's transitions, written independently of rules.ts, as an oracle for the tests. */
export function expectedNextState(view: DossierView, action: ActionType): DossierState {
  switch (action) {
    case 'receive':
      return 'received';
    case 'refuse_intake':
      return 'refused_intake';
    case 'request_supplement':
      return 'supplement_requested';
    case 'submit_supplement':
      return view.stateBeforePause ?? 'received';
    case 'assign':
      return 'in_progress';
    case 'transfer':
      return view.state === 'submitted' ? 'submitted' : 'received';
    case 'propose':
      return 'pending_approval';
    case 'approve':
      return 'approved';
    case 'refuse':
      return 'rejected';
    case 'mark_result_ready':
    case 'complete_on_spot':
      return 'result_ready';
    case 'return_result':
      return 'returned';
    case 'withdraw':
      return 'withdrawn';
    case 'cancel':
      return 'cancelled';
    case 'record_apology':
      return view.state;
  }
}

/** A same-day dossier driven through real decisions to the given state, a few minutes in. */
export function journalIn(state: DossierState, processing: Processing = { sameDay: true }): Journal {
  const online = ['submitted', 'refused_intake', 'withdrawn'].includes(state);
  const j = new Journal(online ? 'online' : 'counter', processing);
  const to = (...steps: [CastName, ActionType][]) => {
    for (const [actor, action] of steps) j.act(actor, validCommand(action, j.view, j.now));
  };
  const decided: [CastName, ActionType][] = [
    ['receptionist', 'assign'],
    ['assignee', 'propose'],
  ];
  switch (state) {
    case 'submitted':
    case 'received':
      break;
    case 'refused_intake':
      to(['receptionist', 'refuse_intake']);
      break;
    case 'withdrawn':
      to(['owner', 'withdraw']);
      break;
    case 'cancelled':
      to(['receptionist', 'cancel']);
      break;
    case 'supplement_requested':
      to(['receptionist', 'request_supplement']);
      break;
    case 'in_progress':
      to(decided[0]!);
      break;
    case 'pending_approval':
      to(...decided);
      break;
    case 'approved':
      to(...decided, ['approver', 'approve']);
      break;
    case 'rejected':
      to(...decided, ['approver', 'refuse']);
      break;
    case 'result_ready':
      to(...decided, ['approver', 'approve'], ['receptionist', 'mark_result_ready']);
      break;
    case 'returned':
      to(...decided, ['approver', 'approve'], ['receptionist', 'mark_result_ready'], ['receptionist', 'return_result']);
      break;
  }
  if (j.view.state !== state) throw new Error(`journalIn(${state}) reached ${j.view.state}`);
  return j;
}
