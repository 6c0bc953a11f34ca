/** The part of @n8n/scan-community-package (plain ESM, untyped) that runs offline. */
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	export interface AnalysisResult {
		passed: boolean;
		message?: string;
		details?: string;
	}

	/** Lints the files matching `filePatterns` under `packageDir` with the scanner's ESLint configuration. */
	export function analyzePackage(
		packageDir: string,
		filePatterns?: string[],
	): Promise<AnalysisResult>;

	/** What the scanner lints in a package's attested source checkout. */
	export const SOURCE_FILE_PATTERNS: string[];
}
