/** Event summaries that mark a working day inside a holiday feed (补班 / 補班 / 调休上班 / "make-up workday"). */
export const WORKDAY_SUMMARY = /补班|補班|上班|workday|make-?up/i;
