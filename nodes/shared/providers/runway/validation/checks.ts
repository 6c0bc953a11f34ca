import type {
	RunwayGenerationMode,
	RunwayImageSlot,
	RunwayModel,
	RunwayVideoSlot,
} from '../catalogue';
import type { RunwayCreateRequest } from '../body';

export interface RunwayValidationIssue {
	/** Request field (API name; multishot_prompt_N / multishot_duration_N for shots). */
	field: string;
	value: unknown;
	message: string;
}

/** What the caller takes besides asset IDs (Runway Video: files from binary fields, uploaded before the create). */
export interface RunwayFileInputs {
	/** Asset fields that name a file to upload: their values are not asset IDs (yet). */
	files: ReadonlySet<string>;
	/** The binary fields of the input item, which a message lists when an asset field names neither. */
	binaryFields: readonly string[];
}

export interface RuleContext {
	request: RunwayCreateRequest;
	fileInputs?: RunwayFileInputs;
	model: RunwayModel;
	/** Image and video slots the request fills, in slot order. */
	images: RunwayImageSlot[];
	videos: RunwayVideoSlot[];
	mode: RunwayGenerationMode;
}

export type Rule = (context: RuleContext) => RunwayValidationIssue[];

export function show(value: unknown): string {
	if (Array.isArray(value)) return `(${value.length} shots)`;
	if (typeof value !== 'string') return String(value);
	// Long enough for a whole asset ID (`user:<n>-runwayml:<email>-asset:<uuid>`), short for a prompt.
	const quoted = JSON.stringify(value);
	return quoted.length > 120 ? `${quoted.slice(0, 116)}…"` : quoted;
}

export function issue(field: string, value: unknown, message: string): RunwayValidationIssue {
	return { field, value, message };
}

export function isIntegerIn(value: unknown, range: { min: number; max: number }): boolean {
	return (
		Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max
	);
}

export function listOrNone(values: readonly unknown[]): string {
	return values.length > 0 ? values.join(', ') : 'none';
}

export function tooLong(field: string, value: string, maxLength: number): RunwayValidationIssue {
	return issue(
		field,
		value,
		`${field} ${show(value)} is ${value.length} characters long; the limit is ${maxLength}`,
	);
}
