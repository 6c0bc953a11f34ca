import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readWaitSettings } from '../../shared/descriptions/waiting';
import { resumeOnCallback, WAITING } from '../../shared/execution/resume';
import {
	parseRunwayTask,
	RUNWAY_RUNNING_STATUSES,
	RUNWAY_TASK_ID_FIELD,
	runwayTaskTracker,
	type RunwayTaskContext,
} from '../../shared/providers/runway/tasks';

function contextOf(json: IDataObject): RunwayTaskContext {
	return {
		model: typeof json.model === 'string' ? json.model : undefined,
		replyRef: typeof json.replyRef === 'string' ? json.replyRef : undefined,
	};
}

/**
 * A useapi.net callback to the execution's resume URL. Progress callbacks (a task still running) are ignored at
 * once; any other call is handled by `resumeOnCallback` (a signed callback's task as it says, the others read), and the
 * execution continues only when all of them have ended.
 */
export async function resumeOnRunwayCallback(
	this: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const reported = parseRunwayTask(this.getBodyData());
	if (reported && RUNWAY_RUNNING_STATUSES.has(reported.status)) {
		return { webhookResponse: WAITING };
	}
	const { binaryProperty } = readWaitSettings(this);
	return await resumeOnCallback(
		this,
		(waiting) => {
			const contexts = new Map(
				waiting.map((json) => [String(json[RUNWAY_TASK_ID_FIELD]), contextOf(json)]),
			);
			return runwayTaskTracker(this, { contexts: (taskId) => contexts.get(taskId) });
		},
		binaryProperty,
	);
}
