/// <reference types="vite/client" />

declare module "virtual:async-lab/snippet-types" {
  /** The editor's declaration bundle of the snippet modules and globals (integrations/snippet-types.mjs). */
  const text: string;
  export default text;
}
