import { providerRouter } from '../../shared/execution/router';
import type { AssetOperation } from '../description';
import * as remove from './delete.operation';
import * as list from './list.operation';
import * as upload from './upload.operation';

export const router = providerRouter<AssetOperation>({
	upload: upload.execute,
	list: list.execute,
	delete: remove.execute,
});
