import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

/** The `INodeTypes` n8n's engine resolves node types through, over a fixed map of type names. */
export function createNodeTypes(nodeTypes: NodeTypeMap): INodeTypes {
	const getByName = (type: string): INodeType | IVersionedNodeType => {
		const nodeType = nodeTypes[type];
		if (nodeType === undefined) {
			throw new UnexpectedError(`The harness knows no node type "${type}"`, {
				extra: { knownTypes: Object.keys(nodeTypes) },
			});
		}
		return nodeType;
	};

	return {
		getByName,
		getByNameAndVersion: (type, version) =>
			NodeHelpers.getVersionedNodeType(getByName(type), version),
		getKnownTypes: (): IDataObject =>
			Object.fromEntries(Object.keys(nodeTypes).map((type) => [type, { className: type }])),
	};
}

/** The version n8n gives a newly added node: the declared default, else the highest one. */
export function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}
