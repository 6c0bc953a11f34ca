/* eslint-disable @n8n/community-nodes/no-restricted-globals -- bench tooling that prints to the terminal */

/** One measured quantity of a figure: ours, the naive reference's and the ideal, side by side. */
export interface Measure {
	label: string;
	unit: string;
	ours: number;
	reference: number;
	/** Undefined where no meaningful ideal exists. */
	ideal?: number;
	/** Default true. */
	lowerIsBetter?: boolean;
}

export interface Figure {
	id: number;
	title: string;
	/** How it was measured, in a sentence or two. */
	setup: string;
	measures: Measure[];
	notes?: string[];
	/** Raw numbers behind the measures, for the JSON record. */
	details?: Record<string, unknown>;
}

/** How many times better ours is than the reference (> 1: ours is better). */
export function advantage(measure: Measure): number {
	const lower = measure.lowerIsBetter ?? true;
	return lower ? measure.reference / measure.ours : measure.ours / measure.reference;
}

/** How far ours is from the ideal (1: ideal). */
export function fromIdeal(measure: Measure): number | undefined {
	if (measure.ideal === undefined) return undefined;
	const lower = measure.lowerIsBetter ?? true;
	return lower ? measure.ours / measure.ideal : measure.ideal / measure.ours;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: readonly number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function format(value: number | undefined): string {
	if (value === undefined || !Number.isFinite(value)) return '—';
	const size = Math.abs(value);
	if (size >= 100) return value.toFixed(0);
	if (size >= 10) return value.toFixed(1);
	if (size >= 0.1) return value.toFixed(2);
	return value === 0 ? '0' : value.toPrecision(2);
}

function times(value: number | undefined): string {
	return value === undefined || !Number.isFinite(value) ? '—' : `${format(value)}×`;
}

const pad = (text: string, width: number, right = false) =>
	right ? text.padStart(width) : text.padEnd(width);

/** The figure as a text table. */
export function figureTable(figure: Figure): string {
	const header = ['', 'unit', 'ours', 'reference', 'ideal', 'ours vs ref', 'ours / ideal'];
	const rows = figure.measures.map((measure) => [
		measure.label,
		measure.unit,
		format(measure.ours),
		format(measure.reference),
		format(measure.ideal),
		times(advantage(measure)),
		times(fromIdeal(measure)),
	]);
	const widths = header.map((_, column) =>
		Math.max(...[header, ...rows].map((row) => row[column].length)),
	);
	const line = (row: string[]) =>
		row.map((cell, column) => pad(cell, widths[column], column >= 2)).join('  ');
	return [
		`Figure ${figure.id}: ${figure.title}`,
		`  ${figure.setup}`,
		`  ${line(header)}`,
		...rows.map((row) => `  ${line(row)}`),
		...(figure.notes ?? []).map((note) => `  · ${note}`),
	].join('\n');
}

/** Progress on stderr, so that stdout holds only the tables. */
export function progress(message: string): void {
	process.stderr.write(`[bench] ${message}\n`);
}
