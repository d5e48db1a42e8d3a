// @motcua/core/field: rules shared by the outreach server and the offline field app — when field
// work may be dated (time of record) and how the app corrects its clock against the server's.
export { FIELD_GRACE_DAYS, FIELD_CLOCK_TOLERANCE_MS, fieldWindow, judgeFieldTime, type FieldWindow, type FieldTimeVerdict } from './time.ts';
export { readClock, preferReading, correctedTime, MAX_TRUSTED_ROUND_TRIP_MS, type ServerClock, type ClockReading } from './clock.ts';
