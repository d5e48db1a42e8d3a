/**
 * The drills' submitters, in a process of their own (the drill's event loop only kills, starts and
 * counts). M submitters each file one dossier after another at the counter of one commune; a
 * submission is retried with the same Idempotency-Key until the server acknowledges it (200/201),
 * whatever happens meanwhile: refused connections, resets, 503 (after its Retry-After).
 *
 * Input: env DRILL_LOAD = JSON LoadConfig. stdin: a line "stop" → each submitter finishes the
 * submission in hand, then the process prints its summary and exits.
 * Output (stdout, one JSON object a line): {"ev":"ack",...} per acknowledged submission,
 * {"ev":"503",...} per 503, {"ev":"5xx",...} per answer ≥ 500 other than 503, {"ev":"refused",...} per 4xx (a bug: the body
 * is valid), {"ev":"summary",...} at the end.
 */
import readline from 'node:readline';

export interface LoadConfig {
  url: string;
  /** One receptionist token per commune; submitter i files at commune i mod n. */
  counters: { unitCode: string; token: string }[];
  submitters: number;
  /** Distinguishes this run's keys and applicants from any other's. */
  runId: string;
  /** After "stop", give up on a submission not acknowledged within this. */
  finishMs: number;
}

export interface AckEvent {
  ev: 'ack';
  key: string;
  code: string;
  status: number;
  at: number;
  attempts: number;
  idNumber: string;
}
export interface ErrorEvent {
  ev: '5xx' | 'refused';
  key: string;
  status: number;
  at: number;
  body: string;
}
/** A 503: the contract's answer while the database is away (it must carry Retry-After). */
export interface UnavailableEvent {
  ev: '503';
  at: number;
  retryAfter: string | null;
  problem: boolean;
}
export interface SummaryEvent {
  ev: 'summary';
  acked: number;
  replays: number;
  /** Answers by status (503 and others), and failures to get any answer. */
  statuses: Record<string, number>;
  networkErrors: number;
  /** Submissions still not acknowledged when the finish time ran out. */
  unfinished: string[];
}
export type LoadEvent = AckEvent | ErrorEvent | UnavailableEvent | SummaryEvent;

/** A 12-digit CCCD unique to (submitter, n): the applicant of that submission alone. */
function applicantId(submitter: number, n: number): string {
  return `9${String(submitter).padStart(3, '0')}${String(n).padStart(8, '0')}`;
}

/** A counter intake of certified copies (2.000815): same day, no fee, no attachments. */
function submissionBody(unitCode: string, idNumber: string): string {
  return JSON.stringify({
    procedureCode: '2.000815',
    unitCode,
    channel: 'counter',
    applicant: {
      idNumber,
      fullName: 'Nguyễn Văn Diễn Tập',
      birthDate: '1985-04-12',
      sex: 'male',
      phone: '0912345678',
      unitCode,
      hamlet: null,
      addressLine: 'Ấp Long Hòa 1',
    },
    form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
    resultDelivery: 'counter',
    consent: { method: 'signature' },
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const emit = (e: LoadEvent) => {
  process.stdout.write(`${JSON.stringify(e)}\n`);
};

async function main(config: LoadConfig): Promise<void> {
  let stopping = false;
  let finishBy = Infinity;
  const statuses: Record<string, number> = {};
  let networkErrors = 0;
  let acked = 0;
  let replays = 0;
  const unfinished: string[] = [];
  const commands = readline.createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    if (line.trim() === 'stop') {
      stopping = true;
      finishBy = Date.now() + config.finishMs;
    }
  });
  // The drill went away without saying stop: nobody is counting any more.
  commands.on('close', () => {
    if (!stopping) process.exit(1);
  });

  const submitter = async (i: number) => {
    const counter = config.counters[i % config.counters.length]!;
    for (let n = 0; !stopping; n++) {
      const key = `${config.runId}-${i}-${n}`;
      const idNumber = applicantId(i, n);
      const body = submissionBody(counter.unitCode, idNumber);
      for (let attempt = 1; ; attempt++) {
        if (Date.now() > finishBy) {
          unfinished.push(key);
          return;
        }
        let status = 0;
        let text = '';
        let retryAfter: string | null = null;
        try {
          const res = await fetch(`${config.url}/api/dossiers`, {
            method: 'POST',
            headers: { authorization: `Bearer ${counter.token}`, 'content-type': 'application/json', 'idempotency-key': key },
            body,
            signal: AbortSignal.timeout(30_000),
          });
          status = res.status;
          retryAfter = res.headers.get('retry-after');
          text = await res.text();
        } catch {
          // Refused, reset or timed out: the server is down or going down. Try again shortly.
          networkErrors++;
          await sleep(100 + Math.random() * 200);
          continue;
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 200 || status === 201) {
          const code = (JSON.parse(text) as { code: string }).code;
          acked++;
          if (status === 200) replays++;
          emit({ ev: 'ack', key, code, status, at: Date.now(), attempts: attempt, idNumber });
          break;
        }
        if (status === 503) {
          const problem = /"detailVi"/.test(text) && /"detailEn"/.test(text);
          emit({ ev: '503', at: Date.now(), retryAfter, problem });
          // As a careful client does: wait what Retry-After says, spread so retries do not come in step.
          const seconds = Number(retryAfter ?? 1) || 1;
          await sleep(seconds * 1000 * (0.5 + Math.random() * 0.5));
          continue;
        }
        emit({ ev: status >= 500 ? '5xx' : 'refused', key, status, at: Date.now(), body: text.slice(0, 500) });
        if (status < 500) break;
        await sleep(200);
      }
    }
  };
  await Promise.all(Array.from({ length: config.submitters }, (_, i) => submitter(i)));
  emit({ ev: 'summary', acked, replays, statuses, networkErrors, unfinished });
}

const raw = process.env.DRILL_LOAD;
if (!raw) {
  process.stderr.write('drill/load.ts needs DRILL_LOAD (JSON); it is started by the drills\n');
  process.exit(2);
}
await main(JSON.parse(raw) as LoadConfig);
process.exit(0);
