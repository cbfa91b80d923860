/** Default settings, in a module of their own so the CLI wiring can show them without loading any other code. */

/** Inputs larger than this are refused before parsing (a setting: --max-input-mb). */
export const DEFAULT_MAX_INPUT_MB = 32;

/** Groups of respondents smaller than this are never shown apart (a setting: --min-group-size). */
export const DEFAULT_MIN_GROUP_SIZE = 3;

/** A forms export with more rows than this is refused before parsing (a setting: --max-rows). */
export const DEFAULT_MAX_IMPORT_ROWS = 100_000;

/** The settings file `pes assess` looks for beside the partnership file, then in the working directory. */
export const CONFIG_FILE = '.pesrc.yaml';

/** The port `pes workshop` listens on unless told (a setting: --port); the next free one is taken when it is busy. */
export const DEFAULT_WORKSHOP_PORT = 8080;

/** Participants one workshop admits (a setting: --max-participants): the largest rooms the survey is meant for, with room to spare. */
export const DEFAULT_MAX_PARTICIPANTS = 200;

/** GitHub annotations of each level written at most: GitHub shows 10 errors, 10 warnings and 10 notices per step (actions/toolkit, problem matchers: limitations). */
export const DEFAULT_MAX_ANNOTATIONS = 10;
