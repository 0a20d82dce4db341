import type { ErrorCode, ErrorParams } from "./error-codes";

/**
 * Field problems several domains share, each as its English message with the code and params a
 * client says it with (lib/api/error-codes.ts): one wording per problem, whoever refuses.
 */
type Problem = { message: string; code: ErrorCode; params: ErrorParams };

export const currencyMismatch = (currency: string): Problem => ({
  message: `Use the deal's currency, ${currency}.`,
  code: "CURRENCY_MISMATCH",
  params: { currency },
});

export const amountDecimals = (currency: string, digits: number): Problem => ({
  message: `${currency} amounts have ${digits} decimal places.`,
  code: "AMOUNT_DECIMALS",
  params: { currency, digits },
});

export const amountNotPositive = (message = "Use an amount above zero."): Problem => ({
  message,
  code: "AMOUNT_NOT_POSITIVE",
  params: {},
});
