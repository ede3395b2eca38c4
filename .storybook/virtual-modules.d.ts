/** See .storybook/custom-elements-manifest.ts. */
declare module 'virtual:akto-custom-elements' {
  const manifest: unknown;
  export default manifest;
}
