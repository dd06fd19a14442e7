/**
 * Billing: plans, proration, usage charges, invoices, collection through Stripe, dunning and suspension,
 * as Spring Batch jobs over the usage the pipelines meter.
 */
package com.meridian.billing;
