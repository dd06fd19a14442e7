package com.meridian.api.feeds;

import java.util.List;

/**
 * The answer to a push: counts and one verdict per record, in request order.
 *
 * @param format the format the payload was read as
 * @param accepted records queued
 * @param rejected records refused (and dead-lettered)
 * @param records the verdicts
 */
public record FeedPushResult(String format, int accepted, int rejected, List<FeedVerdict> records) {

    public static FeedPushResult of(FeedFormat format, List<FeedVerdict> verdicts) {
        int accepted = (int) verdicts.stream().filter(v -> v.verdict().equals("ACCEPTED")).count();
        return new FeedPushResult(format.pathName(), accepted, verdicts.size() - accepted, verdicts);
    }
}
