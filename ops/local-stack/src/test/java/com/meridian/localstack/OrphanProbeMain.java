package com.meridian.localstack;

/**
 * Started as a child JVM by {@link OrphanCleanupIT}: starts the shared stack and a Redis server, prints the pids
 * to watch, then waits to be killed.
 */
public final class OrphanProbeMain {

    private OrphanProbeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = LocalStack.shared();
        System.out.println("PG_PORT=" + stack.postgres().port());
        System.out.println("POSTMASTER_PID=" + stack.postgres().postmasterPid());
        System.out.println("BROKER_PID=" + stack.kafka().pid());
        LocalRedis redis = LocalRedis.start();
        System.out.println("REDIS_PORT=" + redis.port());
        System.out.println("REDIS_PID=" + redis.pid());
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}
