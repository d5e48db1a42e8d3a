/**
 * A number people type in groups ("0890 9500 1234", "089.095.001.234", "0912-345-678"): the digits
 * alone, so a CCCD with spaces is accepted rather than refused. Anything with other characters is
 * kept as typed, so the validator can still say what is wrong with it.
 */
export function typedDigits(value: string): string {
  return /^[\d\s.-]*$/.test(value) ? value.replace(/\D/g, '') : value;
}

/** Room in the input for the separators typedDigits removes (12 digits + up to 8 separators). */
export const GROUPED_DIGITS_MAX_LENGTH = 20;
