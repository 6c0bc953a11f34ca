import type { KnobsPatch } from '../../emulator';

/** `knobs` with both APIs echoing the request's headers (the API key among them) into every error they give. */
export function echoingKnobs(knobs: KnobsPatch = {}): KnobsPatch {
	return {
		...knobs,
		runware: { ...knobs.runware, echoHeaders: true },
		useapi: { ...knobs.useapi, echoHeaders: true },
	};
}

/** An item error that carries the echoed headers (the suite's leak check then finds no key in it). */
export const ECHOED = /request headers: \{/;
