declare const __PES_VERSION__: string | undefined;

/** Replaced by the build with package.json's version. */
export const VERSION: string = typeof __PES_VERSION__ === 'string' ? __PES_VERSION__ : '0.0.0-dev';
