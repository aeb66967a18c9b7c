/** Where a section's resources go: its account, the prefix of their names, and whether they adopt. */
export interface Where {
  adopt?: true;
  /** Absent: the default account. */
  account?: string;
  /** "" for the default account, `<account>-` for a named one. */
  prefix: string;
}

/** The inputs every resource of a section has. */
export const placement = (where: Where) => ({ adopt: where.adopt, account: where.account });
