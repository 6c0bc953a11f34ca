import type { INodeProperties } from 'n8n-workflow';

import { assetProperties } from './assets';
import { promptProperties } from './prompt';
import { settingsProperties } from './settings';
import { submissionProperties } from './submission';

export const runwayVideoProperties: INodeProperties[] = [
	...promptProperties,
	...assetProperties,
	...settingsProperties,
	...submissionProperties,
];
