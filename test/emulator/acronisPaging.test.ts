import { expect } from "chai";
import { ApiError } from "../../emulator/acronis/errors";
import { page, readListing } from "../../emulator/acronis/paging";

/** The emulator's pages, as the vendor's OAS gives them: `limit` defaults to 5000. */
describe("Acronis emulator: listing pages", () => {
  const records = Array.from({ length: 5003 }, (_, i) => ({ seq: i + 1 }));
  const ask = (query: string) => {
    const params = new URLSearchParams(query);
    return page(records, readListing(params, ["parent_id"]), params);
  };

  it("answers 5000 records and a cursor when no limit is given, then the rest", () => {
    const first = ask("parent_id=p");
    expect(first.items).to.have.length(5000);
    expect(first.after).to.be.a("string");
    const rest = ask(`after=${encodeURIComponent(first.after as string)}`);
    expect(rest.items.map((r) => r.seq)).to.deep.equal([5001, 5002, 5003]);
    expect(rest.after).to.equal(undefined);
  });

  it("takes a limit of 1 to 5000 and refuses any other", () => {
    expect(ask("parent_id=p&limit=5000").items).to.have.length(5000);
    expect(ask("parent_id=p&limit=1").items).to.have.length(1);
    for (const limit of ["0", "5001", "-1"])
      expect(() => ask(`parent_id=p&limit=${limit}`))
        .to.throw(ApiError)
        .with.property("info", '"limit" must be between 1 and 5000');
  });
});
