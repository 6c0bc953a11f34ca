import type { IDataObject } from 'n8n-workflow';

import { fileItem, type BadInputTable } from './types';

const model = (air: string) => ({ model: { __rl: true, mode: 'id', value: air } });
const frame = (entry: IDataObject) => ({
	frameImages: { frameImage: [{ source: 'text', ...entry }] },
});
const binaryFrame = (binaryPropertyName: string) => ({
	frameImages: { frameImage: [{ source: 'binary', binaryPropertyName }] },
});
const KLING = 'KlingAI 2.1 Master \\(klingai:5@3\\)';
/**
 * The model from the item: n8n keeps only the parameters its display rules show for the chosen model, so fields a
 * model does not take reach the node only when the model is an expression (then every field is shown).
 */
const modelFromItem = { model: { __rl: true, mode: 'id', value: '={{ $json.air }}' } };

/** Runware Video: klingai:5@3 (5 or 10 s, three 1080p sizes, 24 fps, CFG 0–1, prompts of 2–2500 characters). */
export const runwareVideoBadInputs: BadInputTable = {
	node: 'runwareVideo',
	name: 'Runware Video',
	credentials: ['runwareApi'],
	parameters: {
		...model('klingai:5@3'),
		positivePrompt: 'A koi pond in the rain, slow motion',
		// A case that sets duration replaces it.
		duration: 5,
		waitMode: 'wait',
		returnAs: 'url',
	},
	item: { json: {} },
	cases: [
		// Out-of-range numbers.
		{
			title: 'a duration the model does not offer',
			parameters: { duration: 7 },
			field: 'duration 7',
			allowed: new RegExp(`not supported by ${KLING}: allowed 5, 10$`),
		},
		{
			title: 'a frame rate the model does not offer',
			parameters: { videoOptions: { fps: 60 } },
			field: 'fps 60',
			allowed: /allowed 24$/,
		},
		{
			title: 'a CFG scale above the model maximum',
			parameters: { advanced: { CFGScale: 3 } },
			field: 'CFGScale 3',
			allowed: /allowed from 0 to 1$/,
		},
		{
			title: 'more results than a task makes',
			parameters: { options: { numberResults: 9 } },
			field: 'numberResults 9',
			allowed: /allowed from 1 to 4$/,
		},
		{
			title: 'an output quality below the minimum',
			parameters: { advanced: { outputQuality: 5 } },
			field: 'outputQuality 5',
			allowed: /allowed from 20 to 99$/,
		},
		{
			title: 'a seed below 1',
			parameters: { options: { seed: -4 } },
			field: 'seed -4',
			allowed: /allowed from 1 to/,
		},
		{
			title: 'a frame number past the last frame',
			parameters: {
				duration: 5,
				...frame({ inputImage: 'https://example.com/a.png', frame: 'number', frameNumber: 500 }),
			},
			field: 'frameImages[0].frame',
			allowed: /allowed 0 to 119/,
		},
		// Wrong types (as expressions give them).
		{
			title: 'a duration that is text',
			parameters: { duration: '={{ "ten" }}' },
			field: 'Duration (duration) "ten"',
			allowed: /is not a plain decimal number/,
		},
		{
			title: 'a seed that is not a whole number',
			parameters: { options: { seed: '={{ 1.5 }}' } },
			field: 'seed 1.5',
			allowed: /must be an integer/,
		},
		{
			title: 'a prompt that is an object',
			parameters: { positivePrompt: '={{ $json.scene }}' },
			item: { json: { scene: { subject: 'koi' } } },
			field: 'positivePrompt',
			allowed: /must be text/,
		},
		{
			title: 'a webhook URL that is not http(s)',
			parameters: { advanced: { webhookURL: 'ftp://example.com/hook' } },
			field: 'webhookURL',
			allowed: /must be an http:\/\/ or https:\/\/ URL/,
		},
		{
			title: 'an upload endpoint that is not a URL',
			parameters: { advanced: { uploadEndpoint: 'my bucket' } },
			field: 'uploadEndpoint',
			allowed: /must be an http:\/\/ or https:\/\/ URL/,
		},
		// What the seed requires of every request, whatever the model (a catalogued model's Duration falls back to its
		// default or shortest length; one nobody describes has none to fall back to).
		{
			title: 'no duration for a model nobody describes',
			parameters: { ...modelFromItem, duration: '' },
			item: { json: { air: 'acme:video@1' } },
			field: 'duration is required',
			allowed: /allowed from 1 to 10 \(seconds\)$/,
		},
		{
			title: 'no prompt',
			parameters: { positivePrompt: '' },
			field: 'positivePrompt is required',
			allowed: /text of at least 2 characters$/,
		},
		{
			title: 'no prompt, with a frame image, for a model no document exempts',
			parameters: { positivePrompt: '', ...frame({ inputImage: 'https://example.com/a.png' }) },
			field: 'positivePrompt is required',
			allowed: /text of at least 2 characters$/,
		},
		{
			title: 'no prompt and no frame image for a model that needs the prompt only without one',
			parameters: { ...model('minimax:2@1'), duration: 6, positivePrompt: '' },
			field: 'positivePrompt is required (or a frame image)',
			allowed: /text of at least 2 characters$/,
		},
		{
			title: 'a one-character prompt',
			parameters: { positivePrompt: 'x' },
			field: 'positivePrompt has 1 character',
			allowed: new RegExp(`allowed from 2 to 2500 characters for ${KLING}$`),
		},
		{
			title: 'no prompt for a model nobody describes',
			parameters: { ...modelFromItem, positivePrompt: '' },
			item: { json: { air: 'acme:video@1' } },
			field: 'positivePrompt is required',
			allowed: /text of at least 2 characters$/,
		},
		{
			title: 'a one-character prompt for a model nobody describes',
			parameters: { ...modelFromItem, positivePrompt: 'x' },
			item: { json: { air: 'acme:video@1' } },
			field: 'positivePrompt has 1 character',
			allowed: /at least 2 characters$/,
		},
		// Numbers only as plain decimals: no blanks, exponents or hexadecimal.
		...(
			[
				['Duration', 'duration', undefined, ' 5 '],
				['Duration', 'duration', undefined, '5e0'],
				['Duration', 'duration', undefined, '0x05'],
				['Frame Rate', 'fps', 'videoOptions', ' 24'],
				['Quality Steps', 'steps', 'advanced', 'Infinity'],
				['Compression Quality', 'outputQuality', 'advanced', '9e1'],
			] as const
		).map(([displayName, name, group, value]) => ({
			title: `a ${name} of ${JSON.stringify(value)}`,
			parameters: {
				// KlingAI 2.1 Master takes no steps (the editor hides the field): a model nobody describes does.
				...(name === 'steps' ? modelFromItem : {}),
				...(group
					? { [group]: { [name]: `={{ ${JSON.stringify(value)} }}` } }
					: { [name]: `={{ ${JSON.stringify(value)} }}` }),
			},
			...(name === 'steps' ? { item: { json: { air: 'acme:video@1' } } } : {}),
			field: `${displayName} (${name}) ${JSON.stringify(value)}`,
			allowed: /is not a plain decimal number: allowed a number$/,
		})),
		{
			title: 'a frame number in hexadecimal',
			parameters: {
				duration: 5,
				...frame({
					inputImage: 'https://example.com/a.png',
					frame: 'number',
					frameNumber: '={{ "0x10" }}',
				}),
			},
			field: 'Frame Number (frameImages[0].frame) "0x10"',
			allowed: /allowed a whole number from 0$/,
		},
		// Fixed choices given by an expression are one of them or refused, never ignored.
		{
			title: 'a frame position that is not one of the choices',
			parameters: {
				...frame({ inputImage: 'https://example.com/a.png', frame: '={{ "middle" }}' }),
			},
			field: 'Frame (frameImages[0].frame) "middle"',
			allowed: /allowed auto, first, last, number$/,
		},
		{
			title: 'a media source that is not one of the choices',
			parameters: {
				frameImages: {
					frameImage: [{ source: '={{ "url" }}', inputImage: 'https://example.com/a.png' }],
				},
			},
			field: 'Source (frameImages[0].source) "url"',
			allowed: /allowed text, binary$/,
		},
		{
			title: 'an include-cost flag that is not true or false',
			parameters: { options: { includeCost: '={{ "yes" }}' } },
			field: 'Include Cost (includeCost) "yes"',
			allowed: /allowed true or false$/,
		},
		{
			title: 'a safety check flag that is not true or false',
			parameters: { advanced: { safety: { checkContent: '={{ "no" }}' } } },
			field: 'Check Content (safety.checkContent) "no"',
			allowed: /allowed true or false$/,
		},
		// Text fields refuse lists and objects (a list of URLs must not become one "a,b" URL).
		{
			title: 'a frame image that is a list of URLs',
			parameters: {
				...frame({
					inputImage: '={{ ["https://example.com/a.png", "https://example.com/b.png"] }}',
				}),
			},
			field: 'Image (frameImages[0].image)',
			allowed: /must be text, not a list of 2 items$/,
		},
		{
			title: 'a negative prompt that is an object',
			parameters: { options: { negativePrompt: '={{ { avoid: "blur" } }}' } },
			field: 'Negative Prompt (negativePrompt)',
			allowed: /must be text, not an object$/,
		},
		{
			title: 'a LoRA model that is a list',
			parameters: {
				...modelFromItem,
				advanced: { lora: { model: [{ model: '={{ ["civitai:1@1"] }}', weight: 1 }] } },
			},
			item: { json: { air: 'acme:video@1' } },
			field: 'LoRA Model (lora[0].model)',
			allowed: /must be text, not a list of 1 item$/,
		},
		// Fields the chosen model does not take.
		{
			title: 'a size the model does not offer',
			parameters: { duration: 5, dimensions: '1280x720' },
			field: 'size 1280x720',
			allowed: /allowed 1920x1080, 1080x1080, 1080x1920$/,
		},
		{
			title: 'a seed for a model without one',
			parameters: { ...modelFromItem, duration: 6, options: { seed: 5 } },
			item: { json: { air: 'lightricks:2@0' } },
			field: 'seed',
			allowed: /is not accepted by Lightricks LTX-2 Pro \(lightricks:2@0\)$/,
		},
		{
			title: 'provider settings of another provider',
			parameters: { ...modelFromItem, providerSettings: { google: { enhancePrompt: true } } },
			// A KlingAI model that takes provider settings (KlingAI 2.1 Master takes none).
			item: { json: { air: 'klingai:kling@o1-standard' } },
			field: 'providerSettings.google',
			allowed: /its provider settings go in providerSettings\.klingai$/,
		},
		{
			title: 'more frame images than the model takes',
			parameters: {
				...model('openai:3@1'),
				duration: 4,
				frameImages: {
					frameImage: [
						{ source: 'text', inputImage: 'https://example.com/a.png' },
						{ source: 'text', inputImage: 'https://example.com/b.png' },
					],
				},
			},
			field: 'frameImages',
			allowed: /accepts at most 1$/,
		},
		// Broken expressions' results.
		{
			title: 'a size from an expression that gives no size',
			parameters: { duration: 5, dimensions: '={{ $json.size }}' },
			item: { json: { size: 'large' } },
			field: 'dimensions "large"',
			allowed: /write WIDTHxHEIGHT, e\.g\. 1280x720$/,
		},
		{
			title: 'advanced features from an expression that gives broken JSON',
			parameters: { advanced: { advancedFeatures: '={{ "{\\"watermark\\": " }}' } },
			field: 'advancedFeatures',
			allowed: /is not valid JSON/,
		},
		{
			title: 'settings that are a JSON list',
			parameters: { advanced: { settings: '[1, 2]' } },
			field: 'settings',
			allowed: /must be a JSON object$/,
		},
		{
			title: 'a model from an expression that gives nothing',
			parameters: modelFromItem,
			field: 'model',
			allowed: /provider:id@version/,
		},
		// Oversized prompts.
		{
			title: 'a prompt over the model maximum',
			parameters: { positivePrompt: 'x'.repeat(2501) },
			field: 'positivePrompt',
			allowed: /has 2501 characters: allowed from 2 to 2500 characters/,
		},
		{
			title: 'a negative prompt over the model maximum',
			parameters: { options: { negativePrompt: 'y'.repeat(3000) } },
			field: 'negativePrompt',
			allowed: /has 3000 characters: allowed from 2 to 2500 characters/,
		},
		// Malformed ids.
		{
			title: 'a model that is not an AIR',
			parameters: modelFromItem,
			item: { json: { air: 'kling 2.1' } },
			field: 'model "kling 2.1"',
			allowed: /expected provider:id@version$/,
		},
		{
			title: 'a frame image that is no UUID, URL or data',
			parameters: frame({ inputImage: 'my photo.png' }),
			field: 'frameImages[0].image',
			allowed: /must be a UUID, URL, data URI or base64 text$/,
		},
		{
			title: 'a LoRA model that is not an AIR',
			parameters: {
				...modelFromItem,
				advanced: { lora: { model: [{ model: 'my-lora', weight: 1 }] } },
			},
			item: { json: { air: 'klingai:5@3' } },
			field: 'lora[0].model',
			allowed: /must be an AIR identifier$/,
		},
		// Binary inputs.
		{
			title: 'a frame image from a binary property the item does not have',
			parameters: binaryFrame('photo'),
			field: "'photo'",
			allowed: /expects the node's input data to contain a binary file 'photo'/,
		},
		{
			title: 'a frame image whose file is not an image',
			parameters: binaryFrame('data'),
			item: fileItem(2048, 'application/pdf', 'brief.pdf'),
			field: 'frameImages[0]',
			allowed: /image\/png, image\/jpeg, image\/webp/,
		},
	],
};
