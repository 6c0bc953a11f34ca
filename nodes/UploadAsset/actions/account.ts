import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountEmailIssue } from '../../shared/providers/runway/accounts';

/** `email` when it is a Runway account email (or undefined: none); else the item fails before any request. */
export function checkedAccountEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	email: string | undefined,
): string | undefined {
	const issue = accountEmailIssue(field, email);
	if (issue) {
		throw new NodeOperationError(ctx.getNode(), issue.message, {
			itemIndex,
			description: 'Nothing was sent.',
		});
	}
	return email;
}
