export function commonHeaders(requestId: string, contentType: string): Record<string, string> {
  return {
    'x-amzn-RequestId': requestId,
    Date: new Date().toUTCString(),
    'Content-Type': contentType,
  };
}
