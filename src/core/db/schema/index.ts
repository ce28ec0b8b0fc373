export * from './auth';
export * from './registry';
export * from './system';
export * from './cases';
export * from './welfare';
export * from './sync';
