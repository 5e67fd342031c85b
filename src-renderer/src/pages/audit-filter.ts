/** The filter another page hands Audit in its address (`/audit?run=…&from=…&resource=…`), as lines to show. */
export function auditFilterLines(search: URLSearchParams): string[] {
  const labels: Record<string, string> = {
    run: 'Run',
    from: 'From',
    to: 'To',
    where: 'Profile:Region',
    resource: 'Resource',
  };
  return [...search.entries()].map(([name, value]) => `${labels[name] ?? name}: ${value}`);
}
