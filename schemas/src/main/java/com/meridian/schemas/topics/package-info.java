/**
 * Meridian's Kafka topics, each declared once in {@link com.meridian.schemas.topics.Topics} with its name, serdes,
 * partition default, cleanup policy, retention and schema files. Topologies, producers and consumers take names
 * and serdes from there, never from string literals or serdes of their own; {@code docs/topics.md} describes
 * each topic's writers, readers and compatibility rule.
 */
package com.meridian.schemas.topics;
