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

/**
 * The cases where the node's verdict is not the emulator's: sent although the emulator refuses,
 * refused although it accepts, or sent and then refused by the emulator over HTTP.
 */
export function disagreementsOf(
	cases: readonly AgreementCase[],
	verdictsOf: (index: number) => Verdicts,
): Disagreement[] {
	return cases.flatMap((entry, index) => {
		const { sent, itemError, refusal } = verdictsOf(index);
		if (sent === (refusal === undefined) && !(sent && itemError)) return [];
		return [
			{
				case: entry.name,
				node: sent ? `sent${itemError ? `, then got: ${itemError}` : ''}` : `refused: ${itemError}`,
				emulator: refusal ?? 'accepts',
			},
		];
	});
}
