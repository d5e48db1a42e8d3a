import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DISCREPANCY_TYPES } from '@motcua/core/discrepancies';
import type { DiscrepancyImport, DiscrepancyJson, ExtractRecord } from '@motcua/core/api';
import { toApiError } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useLanguage } from '../../i18n/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { Alert, Badge, Button, Spinner, useDocumentTitle } from '../../ui/index.ts';
import { officePaths, useOfficial } from '../context.ts';
import { addToVisit, listDiscrepancies, listImports, openCorrectionDossier, plannedSessions, uploadExtract } from './api.ts';
import './discrepancies.css';
import '../i18n/index.ts';
import './i18n.ts';

type Kind = 'civil_status' | 'population';

/**
 * Civil-status book against population data (/can-bo/sai-lech): upload both extracts, follow the
 * import, read the discrepancies per hamlet with both records side by side, and carry one to its
 * fix — a prefilled correction dossier at the desk, or a visit by the outreach team.
 */
export default function DiscrepanciesPage() {
  const { t } = useTranslation();
  const official = useOfficial();
  useDocumentTitle(t('discrepancies:title'));
  const [params, setParams] = useSearchParams();
  const unit = official.unitCodes.find((u) => /^\d{5}$/.test(u)) ?? '';
  const hamlet = params.get('thon') ?? '';
  const type = params.get('loai') ?? '';
  const [version, setVersion] = useState(0);
  const page = useResource(
    `disc:${unit}:${hamlet}:${type}:${version}`,
    unit ? (signal) => listDiscrepancies({ unit, ...(hamlet ? { hamlet } : {}), ...(type ? { type: type as never } : {}) }, signal) : null,
  );
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  return (
    <>
      <h1>{t('discrepancies:title')}</h1>
      <p className="muted">{t('discrepancies:intro')}</p>
      <UploadForm unit={unit} onDone={() => setVersion((v) => v + 1)} />
      {page.status === 'loading' && <Spinner label={t('common.loading')} />}
      {page.status === 'error' && <LoadError error={page.error} onRetry={page.retry} />}
      {page.data && (
        <>
          <h2>{t('discrepancies:progress')}</h2>
          <div className="disc-table-wrap">
            <table className="disc-progress">
              <thead>
                <tr>
                  <th scope="col">{t('discrepancies:hamlet')}</th>
                  <th scope="col">{t('discrepancies:total')}</th>
                  {(['open', 'contacted', 'dossier_filed', 'fixed', 'not_a_discrepancy'] as const).map((s) => (
                    <th scope="col" key={s}>
                      {t(`discrepancies:status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.data.progress.map((p) => (
                  <tr key={p.hamletCode ?? 'none'}>
                    <th scope="row">
                      <Link to={`?thon=${p.hamletCode ?? 'none'}`}>{p.hamletName ?? t('discrepancies:noHamlet')}</Link>
                    </th>
                    <td>{p.total}</td>
                    <td>{p.open}</td>
                    <td>{p.contacted}</td>
                    <td>{p.dossierFiled}</td>
                    <td>{p.fixed}</td>
                    <td>{p.notADiscrepancy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="disc-filters">
            <label>
              {t('discrepancies:hamlet')}
              <select value={hamlet} onChange={(e) => set('thon', e.target.value)}>
                <option value="">{t('discrepancies:allHamlets')}</option>
                {page.data.progress.map((p) => (
                  <option key={p.hamletCode ?? 'none'} value={p.hamletCode ?? 'none'}>
                    {p.hamletName ?? t('discrepancies:noHamlet')}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('discrepancies:type')}
              <select value={type} onChange={(e) => set('loai', e.target.value)}>
                <option value="">{t('discrepancies:allTypes')}</option>
                {DISCREPANCY_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`discrepancies:types.${x}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <h2>{t('discrepancies:list', { n: page.data.total })}</h2>
          {page.data.items.length === 0 && <p>{t('discrepancies:none')}</p>}
          <ul className="disc-list">
            {page.data.items.map((d) => (
              <DiscrepancyCard key={d.id} d={d} unit={unit} onChanged={() => setVersion((v) => v + 1)} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function UploadForm({ unit, onDone }: { unit: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<Partial<Record<Kind, File>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DiscrepancyImport[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<number | null>(null);
  const lang = useLanguage();
  // While a file uploads, the import's own row tells how far it has got.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(async () => {
      const list = await listImports(unit).catch(() => null);
      const running = list?.items.find((i) => i.state === 'running');
      if (running) setRows(running.rowsRead);
    }, 1000);
    return () => clearInterval(timer);
  }, [busy, unit]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const results: DiscrepancyImport[] = [];
    try {
      for (const kind of ['civil_status', 'population'] as const) {
        const file = files[kind];
        if (file) results.push(await uploadExtract(unit, kind, file));
      }
      onDone();
    } catch (err) {
      const api = toApiError(err);
      setError((lang === 'vi' ? api.problem?.detailVi : api.problem?.detailEn) ?? api.message);
    } finally {
      setDone(results);
      setBusy(false);
      setRows(null);
    }
  };
  return (
    <form className="disc-upload" onSubmit={submit}>
      {(['civil_status', 'population'] as const).map((kind) => (
        <label key={kind}>
          {t(kind === 'civil_status' ? 'discrepancies:civilFile' : 'discrepancies:populationFile')}
          <input
            type="file"
            name={kind}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFiles((f) => ({ ...f, [kind]: e.target.files?.[0] }))}
          />
        </label>
      ))}
      <Button type="submit" disabled={busy || (!files.civil_status && !files.population)}>
        {t('discrepancies:upload')}
      </Button>
      <p role="status">{busy ? t('discrepancies:uploading', { rows: rows ?? 0 }) : ''}</p>
      {error && (
        <Alert tone="error">
          <p>{error}</p>
        </Alert>
      )}
      {done.map((i) => (
        <div key={i.id} className="disc-import">
          <p>{t('discrepancies:imported', { file: i.filename, stored: i.rowsStored, bad: i.rowsBad, found: i.discrepancies ?? 0 })}</p>
          {i.problems.length > 0 && (
            <ul>
              {i.problems.slice(0, 20).map((p) => (
                <li key={p.row}>{t('discrepancies:badRow', { row: p.row, reason: p.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </form>
  );
}

const SHOWN: (keyof ExtractRecord)[] = [
  'registrationNo',
  'idNumber',
  'fullName',
  'birthDate',
  'sex',
  'ethnicity',
  'birthPlace',
  'fatherName',
  'motherName',
  'address',
];

function RecordColumn({ title, r, differs }: { title: string; r: ExtractRecord | null; differs: Set<string> }) {
  const { t } = useTranslation();
  return (
    <div className="disc-record">
      <h4>{title}</h4>
      {r ? (
        <dl>
          {SHOWN.filter((k) => r[k] !== null && r[k] !== '').map((k) => (
            <div key={k} className={differs.has(k) ? 'disc-differs' : undefined}>
              <dt>{t(`discrepancies:fields.${k as 'fullName'}`)}</dt>
              <dd>{String(r[k])}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">—</p>
      )}
    </div>
  );
}

const FIELD_OF: Record<string, string> = {
  name: 'fullName',
  birth_date: 'birthDate',
  sex: 'sex',
  ethnicity: 'ethnicity',
  birth_place: 'birthPlace',
  father_name: 'fatherName',
  mother_name: 'motherName',
};

function DiscrepancyCard({ d, unit, onChanged }: { d: DiscrepancyJson; unit: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const official = useOfficial();
  const [phone, setPhone] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [open, setOpen] = useState(false);
  const sessions = useResource(`sessions:${unit}:${open}`, open ? (signal) => plannedSessions(unit, signal) : null);
  const differs = new Set(Object.keys(d.fields).map((f) => FIELD_OF[f] ?? f));
  const canDossier = official.roles.includes('receptionist') && d.fix.procedureCode === '1.004859' && !d.dossierCode;
  const act = async (run: () => Promise<{ dossierCode: string | null }>, ok: (r: { dossierCode: string | null }) => string) => {
    try {
      const r = await run();
      setMessage({ tone: 'success', text: ok(r) });
      onChanged();
    } catch (err) {
      const api = toApiError(err);
      setMessage({ tone: 'error', text: (lang === 'vi' ? api.problem?.detailVi : api.problem?.detailEn) ?? api.message });
    }
  };
  return (
    <li className="disc-card" data-type={d.type}>
      <h3>
        {t(`discrepancies:types.${d.type}`)} · {d.population?.fullName ?? d.civil?.fullName}{' '}
        <Badge tone={d.status === 'open' ? 'warning' : 'neutral'}>{t(`discrepancies:status.${d.status}`)}</Badge>
        {d.needsPerson && <Badge tone="danger">{t('discrepancies:needsPerson')}</Badge>}
      </h3>
      <p className="muted">
        {d.hamletName ?? t('discrepancies:noHamlet')}
        {d.score !== null ? ` · ${t('discrepancies:score', { score: d.score.toFixed(2) })}` : ''}
      </p>
      <div className="disc-sides">
        <RecordColumn title={t('discrepancies:civil')} r={d.civil} differs={differs} />
        <RecordColumn title={t('discrepancies:population')} r={d.population ?? d.other} differs={differs} />
        {d.other && d.population && <RecordColumn title={t('discrepancies:population')} r={d.other} differs={differs} />}
      </div>
      {d.likelyRight && (
        <p>
          <strong>{t('discrepancies:likely', { side: t(d.likelyRight === 'civil_status' ? 'discrepancies:civil' : 'discrepancies:population') })}</strong> —{' '}
          {lang === 'vi' ? d.why : d.whyEn}
        </p>
      )}
      {d.dossierCode && (
        <p>
          <Link to={officePaths.dossier(d.dossierCode)}>{t('discrepancies:dossierMade', { code: d.dossierCode })}</Link>
        </p>
      )}
      <div className="disc-actions">
        {canDossier && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () => openCorrectionDossier(d.id, phone),
                (r) => t('discrepancies:dossierMade', { code: r.dossierCode ?? '' }),
              );
            }}
          >
            <label>
              {t('discrepancies:phone')}
              <input type="tel" required pattern="^(\+84|0)[0-9]{9,10}$" value={phone} onChange={(e) => setPhone(e.target.value)} />
            </label>
            <Button type="submit">{t('discrepancies:makeDossier')}</Button>
          </form>
        )}
        {d.hamletCode && !d.outreachSessionId && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () => addToVisit(d.id, sessionId),
                () => t('discrepancies:visitAdded'),
              );
            }}
          >
            <label>
              {t('discrepancies:session')}
              <select value={sessionId} required onFocus={() => setOpen(true)} onChange={(e) => setSessionId(e.target.value)}>
                <option value="">—</option>
                {(sessions.data ?? [])
                  .filter((s) => s.hamletCodes.includes(d.hamletCode!))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.day} · {s.meetingPoint}
                    </option>
                  ))}
              </select>
            </label>
            <Button type="submit" variant="secondary">
              {t('discrepancies:addVisit')}
            </Button>
          </form>
        )}
      </div>
      {message && (
        <Alert tone={message.tone}>
          <p>{message.text}</p>
        </Alert>
      )}
    </li>
  );
}
