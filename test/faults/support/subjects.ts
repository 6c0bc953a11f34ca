import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../../nodes/RunwayVideo/RunwayVideo.node';
import { expectNoRunwareTaskCreatedTwice, expectNoRunwayTaskCreatedTwice } from './checks';
import { TYPES } from './env';
import { videoSubject } from './video';

/** Runware Video generating one video per item, its prompt from the item. */
export const runwareVideo = videoSubject({
	type: TYPES.runwareVideo,
	name: 'Runware Video',
	nodeType: new RunwareVideo(),
	credential: 'runwareApi',
	parameters: {
		model: { __rl: true, mode: 'list', value: 'openai:3@1' },
		positivePrompt: '={{ $json.prompt }}',
		duration: 4,
		returnAs: 'binary',
	},
	idField: 'taskUUID',
	expectNoTaskCreatedTwice: expectNoRunwareTaskCreatedTwice,
});

/** Runway Video (useapi.net) generating one video per item, its prompt from the item. */
export const runwayVideo = videoSubject({
	type: TYPES.runwayVideo,
	name: 'Runway Video',
	nodeType: new RunwayVideo(),
	credential: 'useApiApi',
	parameters: { model: 'gen4.5', text_prompt: '={{ $json.prompt }}', returnAs: 'binary' },
	idField: 'taskId',
	expectNoTaskCreatedTwice: expectNoRunwayTaskCreatedTwice,
});
