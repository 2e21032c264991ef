// Imports a built workspace package by name, as a user would (`@vendor-auth/unicourt/testing`);
// the root package.json depends on the four vendor packages for this. Fails clearly when unbuilt.
export async function importWorkspace(specifier) {
  try {
    return await import(specifier);
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND") throw new Error(`${specifier} cannot be loaded (${error.message.split("\n")[0]}): run \`pnpm build\` first`);
    throw error;
  }
}
