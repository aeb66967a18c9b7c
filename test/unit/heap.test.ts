import { expect } from "chai";
import { HeapKeeper } from "../../provider/core/heap";

/** A heap whose use the test sets, and whose collections fall back to `live`. */
function fakeHeap(live: number) {
  const heap = { used: live, live, collections: 0, now: 0 };
  const keeper = new HeapKeeper({
    collect: () => {
      heap.collections++;
      heap.used = heap.live;
    },
    bytesInUse: () => heap.used,
    slackBytes: 64,
    minIntervalMs: 2000,
    now: () => heap.now,
  });
  return { heap, keeper };
}

describe("HeapKeeper", () => {
  it("collects once the heap has grown by the slack since the last collection, and not before", () => {
    const { heap, keeper } = fakeHeap(100);
    heap.used = 163;
    expect(keeper.check()).to.equal(false);
    heap.used = 164;
    expect(keeper.check()).to.equal(true);
    expect(heap.collections).to.equal(1);
    expect(heap.used).to.equal(100);
    heap.used = 150;
    expect(keeper.check()).to.equal(false);
  });

  it("waits the least interval after a collection, however fast the heap grows", () => {
    const { heap, keeper } = fakeHeap(100);
    heap.used = 200;
    expect(keeper.check()).to.equal(true);
    heap.now = 1999;
    heap.used = 300;
    expect(keeper.check()).to.equal(false);
    heap.now = 2000;
    expect(keeper.check()).to.equal(true);
    expect(heap.collections).to.equal(2);
  });

  it("measures growth from what V8's own collections kept, not from the last forced one", () => {
    const { heap, keeper } = fakeHeap(100);
    heap.used = 40; // V8 collected on its own: the live set shrank
    heap.live = 40;
    expect(keeper.check()).to.equal(false);
    heap.used = 104;
    expect(keeper.check()).to.equal(true);
    expect(heap.used).to.equal(40);
  });
});
