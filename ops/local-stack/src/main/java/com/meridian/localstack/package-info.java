/**
 * Real PostgreSQL and Kafka servers on free loopback ports, for tests and the local run of Meridian, and a real
 * Redis server ({@link com.meridian.localstack.LocalRedis}) for the tests that need one.
 *
 * <p>{@link com.meridian.localstack.LocalStack} is the usual entry point; Spring tests import
 * {@link com.meridian.localstack.LocalStackTestConfiguration}, the local run adds
 * {@link com.meridian.localstack.LocalStackInitializer}, plain JUnit tests use
 * {@link com.meridian.localstack.LocalPostgresExtension}. Every server is stopped by its owner, by a shutdown
 * hook if the owner forgets, and by a detached watchdog if the JVM is killed.
 */
package com.meridian.localstack;
