import { providerRouter } from '../../shared/execution/router';
import type { PollOperation } from '../description';
import * as check from './check.operation';
import * as wait from './wait.operation';

export const router = providerRouter<PollOperation>({ wait: wait.execute, check: check.execute });
