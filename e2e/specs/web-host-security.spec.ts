import { request as httpRequest } from 'node:http';
import { expect, test } from '../fixtures/launch-app';

function call(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/invoke/app.info',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{"input":{}}');
  });
}

test('browser mode refuses calls without the token, with a foreign Host or Origin', async ({
  keyward,
}) => {
  test.skip(!keyward.host, 'the loopback web host exists only in browser mode');
  const host = keyward.host!;
  expect(await call(host.port, {})).toBe(401);
  expect(await call(host.port, { 'x-keyward-token': 'x'.repeat(43) })).toBe(401);
  expect(await call(host.port, { 'x-keyward-token': host.token, host: 'evil.example' })).toBe(403);
  expect(
    await call(host.port, { 'x-keyward-token': host.token, origin: 'http://evil.example' }),
  ).toBe(403);
  expect(await call(host.port, { 'x-keyward-token': host.token })).toBe(200);
});

test('a page opened without the token gets no session and says what to do', async ({ keyward }) => {
  test.skip(!keyward.host, 'the loopback web host exists only in browser mode');
  const context = await keyward.page.context().browser()!.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${keyward.host!.port}/`);
  await expect(
    page.getByRole('heading', { name: 'This page needs the address Keyward printed' }),
  ).toBeVisible();
  await context.close();
});

test('a used or expired launch link gets no session and says what to do', async ({ keyward }) => {
  test.skip(!keyward.host, 'the loopback web host exists only in browser mode');
  const context = await keyward.page.context().browser()!.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${keyward.host!.port}/#launch=${'A'.repeat(43)}`);
  await expect(
    page.getByRole('heading', { name: 'This launch link was already used or has expired' }),
  ).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/');
  await context.close();
});
