import { runKmsLoad, type KmsLoadOptions } from './kms-load';

/**
 * Child-process entry (forked by kms-throughput.ts with the parent's tsx loader): says `ready`,
 * receives its KmsLoadOptions, runs its share of the load and sends back a KmsLoadResult.
 */
process.once('message', (options: KmsLoadOptions) => {
  void runKmsLoad(options).then((result) => process.send?.(result, () => process.exit(0)));
});
process.send?.('ready');
