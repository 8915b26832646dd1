// The backup codec: one zip file holding a versioned JSON document and the image files.
// Pure TypeScript: the library page's Back up / Restore and the `talkmark` CLI share it.
export { decodeBackup } from './decode';
export { type EncodeOptions, encodeBackup } from './encode';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupDocument,
  type BackupImage,
  type BackupLimits,
  backupLimits,
  imageFileName,
} from './format';
