import { escapeHtml, kindText, numberText } from "./htmlText";
import type { NotFoundTenant } from "./model";

function notFoundRowHtml(tenant: NotFoundTenant): string {
  const cells = [
    `<th scope="row">${escapeHtml(tenant.name)}</th>`,
    `<td>${escapeHtml(kindText(tenant))}</td>`,
    `<td>${escapeHtml(tenant.package ?? "")}</td>`,
    `<td>${escapeHtml(tenant.path.join(" › "))}</td>`,
  ];
  return `<tr>${cells.join("")}</tr>`;
}

/** The declared tenants not found live, for a person to create or take out of the file; nothing when there are none. */
export function notFoundHtml(notFound: readonly NotFoundTenant[]): string {
  if (notFound.length === 0) return "";
  return `<section id="not-found" aria-labelledby="not-found-title">
<h2 id="not-found-title">Declared, not found <span class="count">(${numberText(notFound.length)})</span></h2>
<p class="hint">The estate file declares these tenants; the API has none in their place. Create them (pulumi up), or take them out of the file.</p>
<table class="not-found">
<thead><tr><th scope="col">Tenant</th><th scope="col">Kind</th><th scope="col">Package</th><th scope="col">Path</th></tr></thead>
<tbody>
${notFound.map(notFoundRowHtml).join("\n")}
</tbody>
</table>
</section>
`;
}
