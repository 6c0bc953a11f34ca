import type { IDataObject } from 'n8n-workflow';

/** One request in wire form: the body the node should send for the item. */
export interface AgreementCase {
	name: string;
	body: IDataObject;
}

/** What happened to one case: whether the node sent it, the item's error, the emulator's refusal. */
export interface Verdicts {
	sent: boolean;
	itemError?: string;
	refusal?: string;
}

export interface Disagreement {
	case: string;
	node: string;
	emulator: string;
}

export interface Comparison {
	/** Cases where the node's verdict is not the emulator's (must be none). */
	disagreements: Disagreement[];
	/** Cases the emulator refuses (the hostile inputs tried), and those the node sent anyway. */
	refused: number;
	refusedButSent: number;
}

/**
 * Compares the verdicts: a disagreement is a case sent although the emulator refuses it, refused
 * although it accepts it, or sent and then refused by the emulator over HTTP.
 */
export function compareVerdicts(
	cases: readonly AgreementCase[],
	verdictsOf: (index: number) => Verdicts,
): Comparison {
	const verdicts = cases.map((_, index) => verdictsOf(index));
	const refused = verdicts.filter((verdict) => verdict.refusal !== undefined);
	const disagreements = cases.flatMap((entry, index) => {
		const { sent, itemError, refusal } = verdicts[index];
		if (sent === (refusal === undefined) && !(sent && itemError)) return [];
		return [
			{
				case: entry.name,
				node: sent ? `sent${itemError ? `, then got: ${itemError}` : ''}` : `refused: ${itemError}`,
				emulator: refusal ?? 'accepts',
			},
		];
	});
	return {
		disagreements,
		refused: refused.length,
		refusedButSent: refused.filter((verdict) => verdict.sent).length,
	};
}

/** What every comparison must show: no disagreement, some refusals (so the cases are not all valid), none sent. */
export function expectAgreement(comparison: Comparison): void {
	expect(comparison.disagreements).toEqual([]);
	expect(comparison.refused).toBeGreaterThan(0);
	expect(comparison.refusedButSent).toBe(0);
}
