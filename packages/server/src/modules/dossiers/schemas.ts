import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Code = Type.String({ minLength: 8, maxLength: 60, pattern: '^[A-Za-z0-9._-]+-[0-9]{6}-[0-9]{4,}$', description: 'Mã hồ sơ AGENCYCODE-YYMMDD-NNNN' });

export const ApplicantSchema = Type.Object(
  {
    idNumber: Type.String({ pattern: '^[0-9]{12}$', description: 'Số CCCD (12 chữ số)' }),
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    birthDate: Type.String({ format: 'date' }),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    phone: Type.String({ pattern: '^(\\+84|0)[0-9]{9,10}$' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    unitCode: Type.String({ pattern: '^[0-9]{5}$' }),
    hamlet: Type.Union([Type.String({ pattern: '^[0-9]{5}-[0-9]{2,3}$' }), Type.Null()]),
    addressLine: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);

export const SubmissionSchema = Type.Object(
  {
    procedureCode: Type.String({ minLength: 3, maxLength: 40 }),
    unitCode: Type.String({ pattern: '^[0-9]{5}$', description: 'Xã, phường tiếp nhận' }),
    channel: Type.Union([Type.Literal('online'), Type.Literal('counter'), Type.Literal('outreach'), Type.Literal('postal')]),
    applicant: ApplicantSchema,
    form: Type.Record(Type.String(), Type.Unknown()),
    attachments: Type.Optional(
      Type.Array(
        Type.Union([
          Type.String({ minLength: 1, maxLength: 100 }),
          Type.Object(
            {
              uploadId: Type.String({ minLength: 1, maxLength: 100 }),
              kind: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
              label: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
            },
            { additionalProperties: false },
          ),
        ]),
        { maxItems: 30 },
      ),
    ),
    resultDelivery: Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('electronic')]),
    postalAddress: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    consent: Type.Optional(
      Type.Object(
        {
          method: Type.Union([Type.Literal('signature'), Type.Literal('verbal'), Type.Literal('written')]),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
    ),
    processingDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 365, multipleOf: 0.5 })),
  },
  { additionalProperties: false },
);
export type SubmissionBody = Static<typeof SubmissionSchema>;

const FieldSpec = Type.Object({ name: Type.String(), type: Type.String(), required: Type.Boolean() }, { additionalProperties: true });
const ActionSpec = Type.Object({ action: Type.String(), fields: Type.Array(FieldSpec) });

export const DossierSchema = Type.Object(
  {
    code: Type.String(),
    state: Type.String(),
    version: Type.Integer(),
    procedureCode: Type.String(),
    procedureName: Type.String(),
    unitCode: Type.String(),
    channel: Type.String(),
    applicant: Type.Object({}, { additionalProperties: true }),
    form: Type.Object({}, { additionalProperties: true }),
    attachments: Type.Array(Type.Object({}, { additionalProperties: true })),
    resultDelivery: Type.String(),
    postalAddress: Nullable(Type.String()),
    feeVnd: Type.Union([Type.Integer(), Type.Null()]),
    consent: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    submittedAt: Type.String(),
    receivedAt: Nullable(Type.String()),
    dueAt: Nullable(Type.String()),
    dueAtProvisional: Type.Boolean(),
    timeliness: Type.String(),
    assigneeUserId: Nullable(Type.String()),
    missingDocuments: Type.Array(Type.String()),
    apologies: Type.Array(Type.Object({ at: Type.String(), newAppointment: Type.String(), reason: Type.String() })),
    history: Type.Array(Type.Object({ action: Type.String(), at: Type.String(), actorName: Type.String(), note: Nullable(Type.String()) })),
    allowedActions: Type.Array(ActionSpec),
  },
  { $id: 'Dossier' },
);

export const CodeParams = Type.Object({ code: Code });

export const ActionBody = Type.Object(
  {
    action: Type.String({ minLength: 1, maxLength: 40 }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: true },
);

const Iso = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' });

export const QueueQuerySchema = Type.Object({
  unit: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  state: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]+$' }), { maxItems: 12 })),
  procedure: Type.Optional(Type.String({ maxLength: 40 })),
  channel: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('counter'), Type.Literal('outreach'), Type.Literal('postal')])),
  hamlet: Type.Optional(Type.String({ maxLength: 20 })),
  dueBefore: Type.Optional(Iso),
  late: Type.Optional(Type.Boolean()),
  assignedToMe: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.Union([Type.Literal('dueAt'), Type.Literal('receivedAt')])),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const QueueItemSchema = Type.Object({
  code: Type.String(),
  state: Type.String(),
  unitCode: Type.String(),
  channel: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  hamlet: Nullable(Type.String()),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  timeliness: Type.String(),
  assigneeUserId: Nullable(Type.String()),
});

export const LookupQuery = Type.Object({
  code: Type.String({ minLength: 8, maxLength: 60 }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  idNumber: Type.Optional(Type.String({ maxLength: 12 })),
});
