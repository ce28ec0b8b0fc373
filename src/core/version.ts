/** The application version, as package.json states it (kept in step by a test). */
export const APP_VERSION = '0.1.0';
