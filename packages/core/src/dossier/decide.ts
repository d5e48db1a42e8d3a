import { parseDossierCode } from './code.ts';
import { readFields, type FieldValues } from './fields.ts';
import { errors } from './messages.ts';
import { authorize } from './permission.ts';
import { isActionType, RULES } from './rules.ts';
import type {
  ActionType,
  Actor,
  ActorRef,
  Channel,
  DecideResult,
  DossierContext,
  DossierError,
  DossierView,
  EventDataMap,
  FieldSpec,
  NewDossierEvent,
  Processing,
} from './types.ts';

const fail = (error: DossierError): DecideResult => ({ ok: false, error });

export function actorRef(actor: Actor): ActorRef {
  return actor.kind === 'citizen' ? { kind: 'citizen', idNumber: actor.idNumber } : { kind: 'official', userId: actor.userId };
}

const text = (v: FieldValues, name: string): string => v[name] as string;
const optText = (v: FieldValues, name: string): string | null => (v[name] as string | null) ?? null;
const list = (v: FieldValues, name: string): string[] => v[name] as string[];

type Built<A extends ActionType> = { data: EventDataMap[A] } | { error: DossierError };

/** Turns validated fields into the event's data, computing due dates and cross-field checks. */
function buildData(action: ActionType, v: FieldValues, view: DossierView, now: Date, ctx: DossierContext): Built<ActionType> {
  const due = () => ctx.clock.dueDate(now, view.processing).toISOString();
  switch (action) {
    case 'receive':
      return { data: { dueAt: due(), note: optText(v, 'note') } };
    case 'refuse_intake':
    case 'refuse':
    case 'cancel':
      return { data: { reason: text(v, 'reason') } };
    case 'request_supplement':
      return { data: { reason: text(v, 'reason'), missingDocuments: list(v, 'missingDocuments') } };
    case 'submit_supplement':
      // Not yet received: the appointment will be set at receipt. Otherwise the full processing
      // time restarts from the moment the supplement arrives.
      return {
        data: {
          documents: list(v, 'documents'),
          note: optText(v, 'note'),
          dueAt: view.stateBeforePause === 'submitted' ? null : due(),
        },
      };
    case 'assign':
      if (text(v, 'assigneeUserId') === view.assigneeUserId) return { error: errors.sameAssignee() };
      return { data: { assigneeUserId: text(v, 'assigneeUserId') } };
    case 'transfer':
      if (text(v, 'toUnitCode') === view.unitCode) return { error: errors.sameUnit() };
      return { data: { fromUnitCode: view.unitCode, toUnitCode: text(v, 'toUnitCode'), reason: text(v, 'reason') } };
    case 'propose':
      return { data: { outcome: text(v, 'outcome') as 'approve' | 'refuse', note: text(v, 'note') } };
    case 'approve':
      return { data: { note: optText(v, 'note') } };
    case 'mark_result_ready':
      return { data: { resultDocumentId: optText(v, 'resultDocumentId') } };
    case 'complete_on_spot':
      return { data: { resultDocumentId: optText(v, 'resultDocumentId'), note: optText(v, 'note') } };
    case 'return_result':
      return {
        data: {
          method: text(v, 'method') as EventDataMap['return_result']['method'],
          recipientName: optText(v, 'recipientName'),
          signatureRef: optText(v, 'signatureRef'),
          trackingNumber: optText(v, 'trackingNumber'),
        },
      };
    case 'withdraw':
      return { data: { reason: optText(v, 'reason') } };
    case 'record_apology': {
      const at = Date.parse(text(v, 'newAppointment'));
      const current = view.dueAt === null ? -Infinity : Date.parse(view.dueAt);
      // An apology moves the appointment later; it is not a way to shorten or backdate it.
      if (at <= now.getTime() || at <= current) return { error: errors.appointmentTooEarly() };
      return { data: { newAppointment: text(v, 'newAppointment'), reason: text(v, 'reason') } };
    }
  }
}

/**
 * Validates a command against the table (role, unit, state, late rule) and its fields, and
 * returns the event to append. Never throws for bad input: errors come back as values with
 * Vietnamese and English messages.
 */
export function decide(view: DossierView, command: unknown, actor: Actor, now: Date, ctx: DossierContext): DecideResult {
  const input = typeof command === 'object' && command !== null ? (command as Record<string, unknown>) : {};
  const action = input.action;
  if (!isActionType(action)) return fail(errors.unknownAction(String(action)));
  const denied = authorize(view, action, actor, now);
  if (denied) return fail(denied);
  const read = readFields(RULES[action].fields, input);
  if (!read.ok) return read;
  const built = buildData(action, read.values, view, now, ctx);
  if ('error' in built) return fail(built.error);
  const event = { type: action, at: now.toISOString(), actor: actorRef(actor), data: built.data } as NewDossierEvent;
  return { ok: true, event };
}

const SUBMISSION_FIELDS: readonly FieldSpec[] = [
  { name: 'code', type: 'string', required: true },
  { name: 'procedureCode', type: 'string', required: true },
  { name: 'channel', type: 'enum', required: true, options: ['online', 'counter', 'outreach', 'postal'] },
  { name: 'unitCode', type: 'string', required: true },
  { name: 'agencyCode', type: 'string', required: true },
  { name: 'applicantIdNumber', type: 'string', required: true },
];

function readProcessing(raw: unknown): Processing | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const p = raw as Record<string, unknown>;
  if (p.sameDay === true && p.workingDays === undefined) return { sameDay: true };
  const days = p.workingDays;
  // Half days exist in published processing times (e.g. 0.5 working day for certifications).
  if (p.sameDay === undefined && typeof days === 'number' && Number.isInteger(days * 2) && days > 0 && days <= 365) {
    return { workingDays: days };
  }
  return null;
}

/** Who may open a dossier through which channel. Online is the applicant's own act. */
function intakeBlocker(actor: Actor, channel: Channel, unitCode: string, applicantIdNumber: string): DossierError | null {
  if (actor.kind === 'citizen') {
    if (channel !== 'online') return errors.channelNotForActor();
    return actor.idNumber === applicantIdNumber ? null : errors.notOwner();
  }
  const mayTakeIn =
    channel === 'counter' || channel === 'postal'
      ? actor.roles.includes('receptionist')
      : channel === 'outreach'
        ? actor.roles.includes('outreach') || actor.roles.includes('receptionist')
        : false;
  if (!mayTakeIn) return errors.channelNotForActor();
  return actor.unitCodes.includes(unitCode) ? null : errors.outsideUnit();
}

/**
 * Opens a dossier: the first event of its log. Online and postal dossiers start 'submitted' and
 * wait for the desk's check; counter and outreach intake by an official is received on the spot,
 * so the appointment is computed now. The code is issued by the caller (server sequence or a
 * reserved offline block, see code.ts) and must belong to the receiving unit.
 */
export function decideSubmission(command: unknown, actor: Actor, now: Date, ctx: DossierContext): DecideResult {
  const input = typeof command === 'object' && command !== null ? (command as Record<string, unknown>) : {};
  const read = readFields(SUBMISSION_FIELDS, input);
  if (!read.ok) return read;
  const v = read.values;
  const processing = readProcessing(input.processing);
  if (!processing) return fail(errors.badProcessing());
  const channel = text(v, 'channel') as Channel;
  const unitCode = text(v, 'unitCode');
  const parsed = parseDossierCode(text(v, 'code'));
  // The code names the receiving agency (Circular 01/2018/TT-VPCP art. 19): the unit's identifier.
  if (!parsed || parsed.agencyCode !== text(v, 'agencyCode')) return fail(errors.badCode());
  const blocked = intakeBlocker(actor, channel, unitCode, text(v, 'applicantIdNumber'));
  if (blocked) return fail(blocked);
  const onSpot = channel === 'counter' || channel === 'outreach';
  const data: EventDataMap['submitted'] = {
    code: text(v, 'code'),
    procedureCode: text(v, 'procedureCode'),
    processing,
    channel,
    unitCode,
    applicantIdNumber: text(v, 'applicantIdNumber'),
    dueAt: onSpot ? ctx.clock.dueDate(now, processing).toISOString() : null,
  };
  return { ok: true, event: { type: 'submitted', at: now.toISOString(), actor: actorRef(actor), data } };
}
