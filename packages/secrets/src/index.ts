export { SecretBox, secretBoxFromConfig, type SecretKey } from './secret-box.ts';
