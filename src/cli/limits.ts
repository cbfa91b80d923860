/** Input limits shared by every command; a separate module so the CLI wiring can name them without loading file-system code. */

/** Inputs larger than this are refused before parsing (a setting: --max-input-mb). */
export const DEFAULT_MAX_INPUT_MB = 32;
