/** Bundle files: the format is FORMAT.md beside this folder. Pure bytes; callers supply the keys. */
export { type BundleRecipient, type BundleSender, type EncodeBundleInput, encodeBundle } from './encode';
export { BUNDLE_FORMAT_VERSION, BUNDLE_MAGIC, type BundleHeader, readBundleHeader } from './frame';
export { type OpenedBundle, type OwnKeys, type SenderKeys, type SenderLookup, openBundle } from './open';
export {
  MAX_CONTENT_BYTES,
  auditRecordSchema,
  bundleContentSchema,
  hlcSchema,
  knowledgeVectorSchema,
  nodeIdSchema,
  operationSchema,
} from './schemas';
