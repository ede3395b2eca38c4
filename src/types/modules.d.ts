// pdf.js ships its worker as a plain module without typings; we only hand it back to pdf.js.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
