// The generic profile-form rules now live with the provider modules' building blocks (src/api/profile-kit.ts).
export { defaultFileExists, expandHome, issuesToErrors, NAME_RULE, splitList, URL_RULE, URL_TEMPLATE_RULE, type FileExists } from '../../api/profile-kit.js';
