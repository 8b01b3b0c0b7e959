// ScrollBody, the one scrolling body of Practice, Learn and Stats: the view shows the rows the
// screen leaves it, PgDn/PgUp move by a page (↑/↓ by a row where the screen lets them), never past
// either end however many keys come at once, and a new view starts from the top.
import { Box, Text } from "ink";
import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { clampScroll, ScrollBody, type ScrollBodyOptions, useScrollBody } from "../../src/ui/components/ScrollBody";
import { KeypressProvider } from "../../src/ui/keypress";
import { KEYS, tick } from "./harness";

function Screen({ lines, options }: { lines: number; options: ScrollBodyOptions }) {
  const scroll = useScrollBody(options);
  return (
    <Box flexDirection="column" height={8}>
      <Text>header</Text>
      <ScrollBody scroll={scroll}>
        {Array.from({ length: lines }, (_, i) => `row ${i + 1}`).map((row) => (
          <Text key={row}>{row}</Text>
        ))}
      </ScrollBody>
      <Text>
        {scroll.above ? "[above]" : ""}
        {scroll.below ? "[below]" : ""} keys
      </Text>
    </Box>
  );
}

const open: { unmount(): void }[] = [];
afterEach(() => {
  for (const instance of open.splice(0)) instance.unmount();
});

async function show(lines: number, options: ScrollBodyOptions) {
  const instance = render(
    <KeypressProvider>
      <Screen lines={lines} options={options} />
    </KeypressProvider>,
  );
  open.push(instance);
  await tick(20);
  const press = async (keys: string) => {
    instance.stdin.write(keys);
    for (let i = 0; i < 10; i++) await tick(5);
  };
  const rows = () => (instance.lastFrame() ?? "").split("\n").filter((l) => l.startsWith("row "));
  return { instance, press, rows, frame: () => instance.lastFrame() ?? "" };
}

describe("ScrollBody", () => {
  it("shows the rows that fit and says there is more below", async () => {
    const t = await show(20, { keys: "pages" });
    expect(t.rows()).toEqual(["row 1", "row 2", "row 3", "row 4", "row 5", "row 6"]);
    expect(t.frame()).toContain("[below] keys");
    expect(t.frame()).not.toContain("[above]");
  });

  it("PgDn moves a page keeping one row, PgUp back; never past either end, even with many keys at once", async () => {
    const t = await show(20, { keys: "pages" });
    await t.press(KEYS.pageDown);
    expect(t.rows()[0]).toBe("row 6");
    expect(t.frame()).toContain("[above][below]");
    await t.press(KEYS.pageDown.repeat(9));
    expect(t.rows().at(-1)).toBe("row 20");
    expect(t.rows()).toHaveLength(6);
    expect(t.frame()).not.toContain("[below]");
    await t.press(KEYS.pageUp.repeat(9));
    expect(t.rows()[0]).toBe("row 1");
  });

  it("takes ↑/↓ by a row only where the screen lets it (keys: lines)", async () => {
    const pages = await show(20, { keys: "pages" });
    await pages.press(KEYS.down);
    expect(pages.rows()[0]).toBe("row 1");
    const lines = await show(20, { keys: "lines" });
    await lines.press(KEYS.down + KEYS.down);
    expect(lines.rows()[0]).toBe("row 3");
    await lines.press(KEYS.up);
    expect(lines.rows()[0]).toBe("row 2");
  });

  it("takes no keys when off (isActive false, or keys: none) and has nothing to scroll when all fits", async () => {
    const off = await show(20, { keys: "pages", isActive: false });
    await off.press(KEYS.pageDown);
    expect(off.rows()[0]).toBe("row 1");
    const none = await show(20, {});
    await none.press(KEYS.pageDown);
    expect(none.rows()[0]).toBe("row 1");
    const short = await show(3, { keys: "pages" });
    await short.press(KEYS.pageDown);
    expect(short.rows()).toEqual(["row 1", "row 2", "row 3"]);
    expect(short.frame()).not.toMatch(/\[below\]|\[above\]/);
  });

  it("starts again from the top when what it shows changes (resetOn)", async () => {
    const t = await show(20, { keys: "pages", resetOn: ["question 1"] });
    await t.press(KEYS.pageDown);
    expect(t.rows()[0]).toBe("row 6");
    t.instance.rerender(
      <KeypressProvider>
        <Screen lines={20} options={{ keys: "pages", resetOn: ["question 2"] }} />
      </KeypressProvider>,
    );
    await t.press("");
    expect(t.rows()[0]).toBe("row 1");
  });

  it("clampScroll keeps the first row in range", () => {
    expect(clampScroll(-3, 30, 10)).toBe(0);
    expect(clampScroll(25, 30, 10)).toBe(20);
    expect(clampScroll(5, 8, 10)).toBe(0);
  });
});
