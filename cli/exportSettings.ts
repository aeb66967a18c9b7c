/**
 * What `export` needs of the environment. It runs without a stack, so it reads no stack config: its advice
 * names environment variables, where the providers' own names `pulumi config set` first.
 */
const requiredVariables = {
  Acronis: ["ACRONIS_BASE_URL", "ACRONIS_CLIENT_ID", "ACRONIS_CLIENT_SECRET"],
  HCP: ["HCP_DOMAIN", "HCP_USERNAME", "HCP_PASSWORD"],
} as const;

/** Why an API cannot be exported with this environment, naming every variable unset; undefined when none is. */
export function unsetVariablesProblem(
  api: keyof typeof requiredVariables,
  env: NodeJS.ProcessEnv = process.env,
  command = "export",
): string | undefined {
  const unset = requiredVariables[api].filter((name) => !env[name]);
  if (unset.length === 0) return undefined;
  return (
    `${api} is not configured: set ${unset.join(", ")} in the environment ` +
    `(${command} reads no stack config), e.g. \`export ${unset[unset.length - 1]}=…\``
  );
}
