import fc from 'fast-check';

/**
 * Every property test draws its values from one fixed seed, so a run of the suite sends
 * the same hostile inputs as the last one (issue 13: no test reads a random value it did
 * not seed). To explore other inputs on purpose, run with FC_SEED=<number>; a failure
 * prints the seed and path that reproduce it.
 */
const seed = process.env.FC_SEED === undefined ? 20_261_207 : Number(process.env.FC_SEED);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number, not '${process.env.FC_SEED}'`);
fc.configureGlobal({ seed });
