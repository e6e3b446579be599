/** Tests start the same local stack as `npm start`, on their own ports. */
export { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack';
