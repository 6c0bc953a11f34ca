/** Allowed numbers: a list, or a range with an optional step. */
export type NumberChoices =
	| { values: readonly number[]; default?: number }
	| { min: number; max: number; step?: number; default?: number };

export interface DimensionPair {
	width: number;
	height: number;
}

export function isNumberList(choices: NumberChoices): choices is { values: readonly number[] } {
	return 'values' in choices;
}

export function fitsNumberChoices(choices: NumberChoices, value: number): boolean {
	if (isNumberList(choices)) return choices.values.includes(value);
	if (value < choices.min || value > choices.max) return false;
	if (choices.step === undefined) return true;
	const steps = (value - choices.min) / choices.step;
	return Math.abs(steps - Math.round(steps)) < 1e-9;
}

export function describeNumberChoices(choices: NumberChoices): string {
	if (isNumberList(choices)) return choices.values.join(', ');
	const step = choices.step === undefined ? '' : ` in steps of ${choices.step}`;
	return `${choices.min} to ${choices.max}${step}`;
}

/** `"1280x720"` → `{ width: 1280, height: 720 }`. */
export function pairs(...sizes: string[]): DimensionPair[] {
	return sizes.map((size) => {
		const [width, height] = size.split('x').map(Number);
		return { width, height };
	});
}
