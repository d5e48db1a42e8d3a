// @motcua/core/problems: the problem codes of every answer, shared by server, web and field app (plain constants: safe to import at run time in the browser).
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
} from './codes.ts';
