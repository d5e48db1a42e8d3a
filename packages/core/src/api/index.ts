// @motcua/core/api: what the server's answers share with their clients (problem codes).
export {
  type ProblemCode,
  PROBLEM,
  PROBLEM_CODES,
  PLATFORM_PROBLEMS,
  UPLOAD_PROBLEMS,
  DOSSIER_PROBLEMS,
  OUTREACH_PROBLEMS,
  FIELD_APP_PROBLEMS,
  TIME_CURABLE_PROBLEMS,
  isProblemCode,
} from './problems.ts';
