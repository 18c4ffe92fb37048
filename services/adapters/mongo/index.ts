/** The MongoDB adapter: one entry point for the composition root. */
export { connectMongoStore, type MongoStoreOptions } from './connectMongoStore';
