/** A setting the function cannot start without (the CDK stack sets it); an empty value is missing too. */
export const requiredEnv = (name: string, env: NodeJS.ProcessEnv = process.env): string => {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} must be set`);
  return value;
};
