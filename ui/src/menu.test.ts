import { describe, expect, it } from "vitest";
import { Commands, DEDUPE_MS, menuSpec, type CommandId } from "./menu";

const ids = (platform: "mac" | "other") =>
  menuSpec(platform).flatMap((m) => m.items.flatMap((i) => (typeof i === "object" && "id" in i ? [i.id] : [])));

describe("menuSpec", () => {
  it("has File, Edit, View, Post, Help, and the app menu first on macOS", () => {
    expect(menuSpec("other").map((m) => m.text)).toEqual(["File", "Edit", "View", "Post", "Help"]);
    expect(menuSpec("mac").map((m) => m.text)).toEqual(["Postdesk", "File", "Edit", "View", "Post", "Help"]);
  });
  it("offers every command once, on every system", () => {
    for (const p of ["mac", "other"] as const) {
      const list = ids(p);
      expect(new Set(list).size).toBe(list.length);
      expect(list).toContain("settings");
      expect(list).toContain("quit");
    }
    expect(new Set(ids("mac"))).toEqual(new Set(ids("other")));
  });
  it("gives no two items the same accelerator", () => {
    const accels = menuSpec("other").flatMap((m) =>
      m.items.flatMap((i) => (typeof i === "object" && "accelerator" in i && i.accelerator ? [i.accelerator] : [])),
    );
    expect(new Set(accels).size).toBe(accels.length);
    expect(accels).toContain("CmdOrCtrl+N");
  });
});

describe("Commands", () => {
  const make = () => {
    let t = 0;
    const ran: CommandId[] = [];
    const actions = new Proxy({} as Record<CommandId, () => void>, {
      get: (_o, id) => () => ran.push(id as CommandId),
    });
    const c = new Commands(actions, () => t);
    return { c, ran, later: (ms: number) => (t += ms) };
  };
  it("runs a key press seen by both the menu and the page once", () => {
    const { c, ran, later } = make();
    expect(c.run("save", "menu")).toBe(true);
    later(5);
    expect(c.run("save", "key")).toBe(false);
    expect(ran).toEqual(["save"]);
  });
  it("runs repeats from the same source, and the same command again later", () => {
    const { c, ran, later } = make();
    c.run("zoom-in", "key");
    later(30);
    c.run("zoom-in", "key");
    later(DEDUPE_MS);
    c.run("zoom-in", "menu");
    c.run("new-post", "key");
    expect(ran).toEqual(["zoom-in", "zoom-in", "zoom-in", "new-post"]);
  });
});
