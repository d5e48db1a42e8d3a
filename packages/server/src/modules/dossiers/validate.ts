import type { Procedure } from '@motcua/core/catalog';
import type { Processing } from '@motcua/core/dossier';
import type { Db } from '../../db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { hamletOf, unitOf } from '../units/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DossierActor } from './actors.ts';
import type { SubmissionInput } from './intake.ts';
import { unprocessable } from './problems.ts';

const COMMUNE_TYPES = ['commune', 'ward', 'special_zone'];

/**
 * The processing time to snapshot. A procedure whose time the catalog does not state cannot be
 * filed online (nobody could promise an appointment); at the desk the receptionist sets it.
 */
export function processingFor(p: Procedure, input: SubmissionInput, actor: DossierActor): Processing {
  if (p.sameDay) return { sameDay: true };
  if (p.processingDays !== null) return { workingDays: p.processingDays };
  if (actor.kind === 'citizen') {
    throw unprocessable(
      'processing_time_set_at_desk',
      'Thủ tục này chưa có thời hạn giải quyết được công bố nên chưa nhận nộp trực tuyến: vui lòng nộp tại Bộ phận Một cửa, cán bộ sẽ hẹn ngày trả kết quả khi tiếp nhận.',
      'This procedure has no published processing time, so it cannot be filed online: please file it at the one-stop desk, which will set the appointment at intake.',
    );
  }
  if (input.processingDays === undefined) {
    throw badRequest(
      'Thủ tục chưa có thời hạn giải quyết: cán bộ tiếp nhận cần nhập số ngày làm việc (processingDays).',
      'The procedure has no published processing time: the receiving official must give processingDays.',
      { field: 'processingDays' },
    );
  }
  return { workingDays: input.processingDays };
}

/** Everything about a submission that can be checked before a code is taken: bad input changes nothing. */
export async function checkSubmission(
  input: SubmissionInput,
  actor: DossierActor,
  catalog: CatalogService,
  db: Db,
): Promise<{ procedure: Procedure; processing: Processing }> {
  const found = await catalog.forIntake(input.procedureCode);
  if (!found) throw badRequest(`Không có thủ tục "${input.procedureCode}".`, `No such procedure "${input.procedureCode}".`, { field: 'procedureCode' });
  const { procedure, validate } = found;
  if (input.channel === 'online' && procedure.online === null) {
    throw unprocessable(
      'not_online',
      'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp tại Bộ phận Một cửa.',
      'This procedure is not offered online; please file it at the one-stop desk.',
    );
  }
  const processing = processingFor(procedure, input, actor);

  if (!validate(input.form)) {
    const first = validate.errors?.[0];
    throw badRequest(
      `Tờ khai chưa hợp lệ (${first?.instancePath || '/'}): ${first?.message ?? ''}.`,
      `The form is not valid (${first?.instancePath || '/'}): ${first?.message ?? ''}.`,
      { field: 'form', errors: (validate.errors ?? []).map((e) => ({ path: `/form${e.instancePath}`, message: e.message, params: e.params })) },
    );
  }

  const unit = unitOf(input.unitCode);
  if (!unit || !COMMUNE_TYPES.includes(unit.type))
    throw badRequest(`Không có xã, phường "${input.unitCode}".`, `No commune or ward "${input.unitCode}".`, { field: 'unitCode' });
  const home = unitOf(input.applicant.unitCode);
  if (!home || !COMMUNE_TYPES.includes(home.type)) {
    throw badRequest('Xã, phường nơi cư trú của người nộp không hợp lệ.', "The applicant's commune of residence is not valid.", {
      field: 'applicant.unitCode',
    });
  }
  if (input.applicant.hamlet) {
    const h = await hamletOf(db, input.applicant.hamlet);
    if (!h || h.unitCode !== input.applicant.unitCode || !h.active) {
      throw badRequest('Thôn, ấp không thuộc xã, phường đã chọn.', 'The hamlet is not in the chosen commune.', { field: 'applicant.hamlet' });
    }
  }
  if (input.resultDelivery === 'post' && !input.postalAddress?.trim()) {
    throw badRequest('Cần địa chỉ nhận kết quả qua bưu chính.', 'A postal address is needed for delivery by post.', { field: 'postalAddress' });
  }
  if (input.channel !== 'online' && actor.kind === 'official' && !input.consent) {
    // Opening a dossier for someone else is processing their personal data on their behalf.
    throw badRequest(
      'Cần ghi nhận sự đồng ý của công dân khi cán bộ lập hồ sơ thay (consent).',
      "The citizen's consent must be recorded when an official files on their behalf (consent).",
      { field: 'consent' },
    );
  }
  return { procedure, processing };
}
