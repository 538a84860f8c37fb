/** One jsdom window for all figures of a report: jsdom is imported only when rendering (it costs ~400 ms). */
export async function createDocument(): Promise<Document> {
  const { JSDOM } = await import("jsdom");
  return new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document;
}
