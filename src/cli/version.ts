/** The package version, kept in one place (package.json is checked against it in a test). */
export const VERSION = '0.1.0';
