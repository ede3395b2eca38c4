// pdf-lib's self-contained ES build (its `module` build imports CommonJS pako, which the test server cannot serve): same API.
declare module 'pdf-lib/dist/pdf-lib.esm.js' {
  export * from 'pdf-lib';
}
