import type {
	ExecutionError,
	ExecutionStatus,
	INodeExecutionData,
	IRun,
	IRunData,
} from 'n8n-workflow';

/** Identifies one waiting point of an execution: a resume continues from exactly there. */
export interface ResumeHandle {
	executionId: string;
	/** The node that called `putExecutionToWait`. */
	nodeName: string;
	/** How many times the execution had started waiting when it reached this point. */
	waitCount: number;
	/** The `$execution.resumeUrl` the waiting node saw. */
	resumeUrl: string;
}

export interface RunResult {
	executionId: string;
	status: ExecutionStatus;
	run: IRun;
	runData: IRunData;
	/** Items of the node's last run on `outputIndex`; throws when the node did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	error?: ExecutionError;
	waitTill?: Date;
	/** Set when `status` is 'waiting'. */
	resume?: ResumeHandle;
}

export function toRunResult(executionId: string, run: IRun, resume?: ResumeHandle): RunResult {
	const { runData, error } = run.data.resultData;
	return {
		executionId,
		// A run that failed outside any node is reported by n8n-core still marked 'running'.
		status: run.status === 'running' && error ? 'error' : run.status,
		run,
		runData,
		error,
		waitTill: run.waitTill ?? undefined,
		resume,
		output(nodeName, outputIndex = 0) {
			const lastRun = runData[nodeName]?.at(-1);
			if (lastRun === undefined) {
				throw new Error(`Node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
			}
			return lastRun.data?.main[outputIndex] ?? [];
		},
	};
}
