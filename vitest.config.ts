import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // .stryker-tmp holds the mutation runs' copies of the tree (npm run mutate).
    exclude: ['**/node_modules/**', 'cdk.out/**', '.stryker-tmp/**'],
    testTimeout: 60_000,
    // The SDK's notice that its 2027 releases need Node 22 is true but says nothing about a test.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 60_000,
  },
});
