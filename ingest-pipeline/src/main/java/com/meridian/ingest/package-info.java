/**
 * Getting transactions in: the Kafka Streams topologies that validate, de-duplicate, categorize and meter
 * bank-feed transactions, and the Spring Batch jobs that import statement files and write exports.
 */
package com.meridian.ingest;
