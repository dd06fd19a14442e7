package com.meridian.localstack;

/** A running PostgreSQL server on 127.0.0.1 whose superuser is {@code postgres} with trust authentication. */
interface PostgresServer {

    int port();

    /** The pid of the postmaster, the process every backend forks from. */
    long postmasterPid();

    /** Where the server comes from and where its data lives, for the log. */
    String description();

    /** Stops the server and deletes its files. */
    void close();
}
