/** Dollars with cents, as AWS bills them ("$1,234.50"). */
export const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
