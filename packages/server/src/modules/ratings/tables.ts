export interface DossierRatingTable {
  dossier_code: string;
  unit_code: string;
  procedure_name: string;
  official_user_id: string | null;
  month: string;
  channel: string;
  comment: string | null;
  low: boolean;
  rated_at: Date;
}

export interface DossierRatingScoreTable {
  dossier_code: string;
  criterion: string;
  level: number;
}

export interface RatingLinkTable {
  token_hash: string;
  dossier_code: string;
  channel: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface RatingsTables {
  dossier_rating: DossierRatingTable;
  dossier_rating_score: DossierRatingScoreTable;
  rating_link: RatingLinkTable;
}

// This module's tables join the one database type (db/schema.ts knows no module).
declare module '../../db/schema.ts' {
  interface Database extends RatingsTables {}
}
