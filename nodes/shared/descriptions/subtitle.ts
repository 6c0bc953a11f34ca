/**
 * A node subtitle that names the chosen model in words, e.g. "Generate · Veo 3.1". `names` maps model ids to
 * names; an id outside it (an AIR typed by hand, an expression) appears as entered. The model parameter may be a
 * resource locator (`{ mode, value }`) or a plain id.
 */
export function modelSubtitle(names: Readonly<Record<string, string>>): string {
	const id =
		'($parameter["model"] && typeof $parameter["model"] === "object" ? $parameter["model"].value : $parameter["model"])';
	return `={{ "Generate · " + ((${JSON.stringify(names)})[${id}] || ${id} || "choose a model") }}`;
}
