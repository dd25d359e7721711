// Files the API serves behind the bearer token (a snapshot's report, a year's .ics) cannot be plain links: the console
// fetches them with the token and hands the browser the bytes to save.
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
