/** Allowed numeric values of a field: an explicit list, or a range with an optional step. */
export type NumberChoices =
	| { values: readonly number[]; default?: number }
	| { min: number; max: number; step?: number; default?: number };

// Tolerance for float steps such as Seedance's 0.1 s duration step.
const STEP_EPSILON = 1e-9;

export function isNumberList(
	choices: NumberChoices,
): choices is { values: readonly number[]; default?: number } {
	return 'values' in choices;
}

export function fitsNumberChoices(choices: NumberChoices, value: number): boolean {
	if (isNumberList(choices)) return choices.values.includes(value);
	if (value < choices.min - STEP_EPSILON || value > choices.max + STEP_EPSILON) return false;
	if (choices.step === undefined) return true;
	const steps = (value - choices.min) / choices.step;
	return Math.abs(steps - Math.round(steps)) < STEP_EPSILON * Math.max(1, Math.abs(steps));
}

/** The documented default, or the only value when the list has exactly one. */
export function defaultOf(choices: NumberChoices | undefined): number | undefined {
	if (choices === undefined) return undefined;
	if (choices.default !== undefined) return choices.default;
	return isNumberList(choices) && choices.values.length === 1 ? choices.values[0] : undefined;
}

/** Human wording of the allowed values, e.g. `5, 10` or `from 1.2 to 12 in steps of 0.1`. */
export function describeNumberChoices(choices: NumberChoices): string {
	if (isNumberList(choices)) return choices.values.join(', ');
	const range = `from ${choices.min} to ${choices.max}`;
	return choices.step === undefined ? range : `${range} in steps of ${choices.step}`;
}
