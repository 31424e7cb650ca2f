import type { Locator, Page } from 'playwright-core';

/** Waits until the first element's text matches (screens update after their requests answer). */
export async function expectText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text =
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? '';
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${pattern} in: ${text.slice(0, 500)}`);
}

export async function expectDisabled(locator: Locator): Promise<void> {
  expect(await locator.isDisabled()).toBe(true);
}

/** Connects an outcome handle of one step to another step, as a user drags a wire. */
export async function wire(page: Page, from: string, outcome: string, to: string): Promise<void> {
  const source = page.getByTestId(`handle-${from}-${outcome}`);
  const target = page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`);
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** A form's field cleared after an action: emptied, or gone once the action no longer fits the state. */
export async function expectCleared(locator: Locator, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if ((await locator.count()) === 0 || (await locator.inputValue({ timeout: 1_000 }).catch(() => '')) === '') return;
    if (Date.now() > deadline) throw new Error(`still filled: ${await locator.inputValue().catch(() => '?')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
