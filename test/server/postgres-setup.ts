// Process: test (Node). vitest globalSetup of the server tests: one PostgreSQL cluster for the whole run.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgres((line) => console.log(line));
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
